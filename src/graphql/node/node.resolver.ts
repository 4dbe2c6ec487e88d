import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { AuthError, credentialsNeeded } from '../../auth/auth-error.js';
import { Bill } from '../bill/bill.type.js';
import type { GatewayContext } from '../context.js';
import { requireRecordId } from '../errors.js';
import { Budget } from '../operation-budget.js';
import { Refund } from '../refund/refund.type.js';
import { Node } from './node.type.js';

@Resolver()
export class NodeResolver {
  /**
   * Bills and refunds share one id space (UUIDs), so the id alone finds either. Which it may
   * find depends on the caller's scopes, checked here since the field can be either: a record
   * the caller may not read is null, exactly like a record that does not exist.
   */
  @Budget({ calls: 2 })
  @Query(() => Node, {
    nullable: true,
    description:
      'A bill (needs bills:read) or a refund (needs refunds:read) by its BeeCloud id; null when there is none ' +
      'the caller may read. An id that is no BeeCloud id (a UUID) is BAD_USER_INPUT.',
  })
  async node(
    @Ctx() { loaders, principal }: GatewayContext,
    @Arg('id', () => ID, { description: 'A Bill or Refund id.' }) id: string,
  ): Promise<Node | null> {
    if (!principal) throw credentialsNeeded();
    const bills = principal.scopes.has('bills:read');
    const refunds = principal.scopes.has('refunds:read');
    if (!bills && !refunds)
      throw new AuthError('FORBIDDEN', 'node needs the scope bills:read or refunds:read');
    requireRecordId(id, 'id');
    const bill = bills ? await loaders.billById.load(id) : null;
    if (bill) return Bill.ofLookup(bill);
    const refund = refunds ? await loaders.refundById.load(id) : null;
    return refund && Refund.fromWire(refund);
  }
}
