// Prints a figure row for the reliability report, and appends it to $RELIABILITY_REPORT when set.
import fs from 'node:fs';

export function record(row) {
	console.log(`# ${JSON.stringify(row)}`);
	if (process.env.RELIABILITY_REPORT) fs.appendFileSync(process.env.RELIABILITY_REPORT, `${JSON.stringify(row)}\n`);
}
