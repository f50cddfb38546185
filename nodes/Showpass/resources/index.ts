import { discount } from './discount';
import { event } from './event';
import { invoice } from './invoice';
import { password } from './password';
import { ticket } from './ticket';
import { trackingLink } from './trackingLink';

/** Every resource of the Showpass node; the node's Resource list, fields, dispatch and list methods come from here. */
export const RESOURCES = [discount, event, invoice, password, ticket, trackingLink];
