import DataLoader from 'dataloader';
import type { BeeCloudClient, BeeCloudEndpoints } from '../upstream/beecloud-client.js';
import { OperationUpstream, type OperationUpstreamLimits } from '../upstream/operation-upstream.js';
import { UpstreamError } from '../upstream/upstream-error.js';
import type { Principal } from '../auth/principal.js';
import type { CacheInvalidation } from '../events/payment-event.js';
import type { EventLog } from '../events/event-log.js';
import type { NewPaymentEvent } from '../events/payment-event.js';
import { RECORD_ID_PATTERN, type BillRecord, type RefundRecord } from '../wire/index.js';
import type { RecordCache } from './record-cache.js';
import { traced } from '../telemetry/tracing.js';
import type { LocalPubSub } from '../events/event-bus.js';

/** What every resolver gets: the upstream client, this operation's loaders, and the shared cache. */
export interface GatewayContext {
  /** This operation's view of the client: it counts and bounds the calls and bytes it makes. */
  api: OperationUpstream;
  loaders: Loaders;
  /** Drops bills that a mutation may have changed, here and (through the event bus) on every replica. */
  invalidate: (target: CacheInvalidation) => void;
  /** Publishes an event no webhook will bring (a refund settled by syncRefundStatus), once, to every replica. */
  announce: (event: NewPaymentEvent) => Promise<void>;
  /** Who is calling; null without credentials (src/auth). */
  principal: Principal | null;
  /** LIMIT_MAX_OPTIONAL_BYTES: the largest `optional` map a mutation may store, serialized. */
  maxOptionalBytes: number;
  /** NOTIFY_URL_PREFIXES: where a `notifyUrl` may point (http/query-limits.ts says why). */
  notifyUrlPrefixes: readonly string[];
  /** The event bus's topics, for subscriptions that check something before they listen. */
  events: LocalPubSub;
  /** The events published so far (within the retention): what `after` resumes from. */
  eventLog: EventLog;
}

/** What lives as long as the gateway: shared by every operation's context. */
export interface GatewayServices {
  api: BeeCloudClient;
  cache: RecordCache;
  invalidate: (target: CacheInvalidation) => void;
  announce: (event: NewPaymentEvent) => Promise<void>;
  events: LocalPubSub;
  eventLog: EventLog;
  /** What one operation may spend upstream, and how large an `optional` map may be. */
  limits: OperationUpstreamLimits & { maxOptionalBytes: number; notifyUrlPrefixes: readonly string[] };
}

export type Loaders = ReturnType<typeof createLoaders>;

/** The refunds `Bill.refunds` fetches per bill: one upstream page. */
export const REFUNDS_PER_BILL = 50;

/**
 * Per-operation loaders: within one GraphQL operation each bill or refund is fetched once,
 * however many fields ask for it, and look-ups made in the same tick go out together.
 * BeeCloud has no batch endpoint, so a batch is one call per distinct key, made in
 * parallel; the saving is the de-duplication. Loaders live for one operation only, so
 * nothing cached here can go stale for the next request.
 *
 * Bills are reachable by id and by bill_no; whichever loads first primes the other.
 * `billByNo` asks for need_detail so that the record is as complete as a by-id answer.
 */
export function createLoaders(api: BeeCloudEndpoints, cache: RecordCache) {
  // Taken once: if anything is invalidated while this operation runs, nothing it fetched is
  // stored (record-cache.ts says why), which is conservative and needs no per-fetch book-keeping.
  const stamp = cache.stamp();
  // Each batch is a span when tracing is on: its keys, and the upstream calls and cache hits under it.
  // Each is made on first use: most operations use one or two of them.
  const perKey = <K, V>(name: string, load: (key: K) => Promise<V>) => {
    let loader: DataLoader<K, V> | undefined;
    return () =>
      (loader ??= new DataLoader<K, V>((keys) =>
        traced(`DataLoader ${name}`, { 'dataloader.name': name, 'dataloader.keys': keys.length }, () =>
          Promise.all(keys.map((key) => load(key).catch((error: Error) => error))),
        ),
      ));
  };

  const primeBill = (record: BillRecord | null) => {
    if (!record) return record;
    billById().prime(record.id, record);
    billByNo().prime(record.bill_no, record);
    cache.putBill(record, stamp);
    return record;
  };

  // Both look-ups try the shared cache first (record-cache.ts says why that stays fresh).
  // An id that is not a UUID names no record: null, with no upstream call (and never `..` in a URL).
  const billById = perKey('billById', async (id: string) =>
    !RECORD_ID_PATTERN.test(id)
      ? null
      : (cache.billById(id) ??
        api.billById(id).then(
          (answer) => primeBill(answer.pay),
          (error: unknown) => missingAsNull(error, 'NO_SUCH_BILL'),
        )),
  );
  const billByNo = perKey(
    'billByNo',
    async (billNo: string): Promise<BillRecord | null> =>
      cache.billByNo(billNo) ?? api.billByNo(billNo).then(primeBill),
  );
  const refundById = perKey('refundById', async (id: string) =>
    !RECORD_ID_PATTERN.test(id)
      ? null
      : api.refundById(id).then(
          (answer) => answer.refund,
          (error: unknown) => missingAsNull(error, 'NO_SUCH_REFUND'),
        ),
  );
  /** A bill's refunds, newest first (BeeCloud allows one success, so 50 is all of them in practice). */
  // With detail: a refund's state (DENIED or FAILED) is read from its notification.
  const refundsByBillNo = perKey(
    'refundsByBillNo',
    async (billNo: string): Promise<RefundRecord[]> =>
      cache.refundsOfBill(billNo) ??
      api.refunds({ bill_no: billNo, limit: REFUNDS_PER_BILL, need_detail: true }).then((answer) => {
        cache.putRefundsOfBill(billNo, answer.refunds, stamp);
        return answer.refunds;
      }),
  );
  const refundByNo = perKey('refundByNo', (refundNo: string) => api.refundByNo(refundNo));
  /** Whether a refund was created as a pre-refund: one count call (refund records do not say). */
  const needApproval = perKey('needApproval', (refundNo: string) =>
    api.refundsCount({ refund_no: refundNo, need_approval: true }).then((answer) => answer.count > 0),
  );

  /** A bill the gateway already has (no upstream call), for checks that must not cost one. */
  const knownBill = (billNo: string) => cache.billByNo(billNo);

  return new OperationLoaders(
    { billById, billByNo, refundById, refundByNo, refundsByBillNo, needApproval },
    primeBill,
    knownBill,
  );
}

/** The DataLoaders of one operation, by name. */
interface LoaderSet {
  billById: DataLoader<string, BillRecord | null>;
  billByNo: DataLoader<string, BillRecord | null>;
  refundById: DataLoader<string, RefundRecord | null>;
  refundByNo: DataLoader<string, RefundRecord | null>;
  refundsByBillNo: DataLoader<string, RefundRecord[]>;
  needApproval: DataLoader<string, boolean>;
}

/**
 * An operation's loaders, each made when first read (createLoaders). A class, not an object
 * literal with getters: a literal's getters are new closures each time, which gives every
 * operation's object a hidden class of its own; V8 keeps those past young-generation
 * collections (weakly, from the class they transition from), and with them the whole
 * operation: ~1.5 KB an operation moved to the old generation (BENCHMARKS.md).
 */
class OperationLoaders {
  constructor(
    private readonly made: { [Name in keyof LoaderSet]: () => LoaderSet[Name] },
    readonly primeBill: (record: BillRecord | null) => BillRecord | null,
    readonly knownBill: (billNo: string) => BillRecord | undefined,
  ) {}

  get billById() {
    return this.made.billById();
  }
  get billByNo() {
    return this.made.billByNo();
  }
  get refundById() {
    return this.made.refundById();
  }
  get refundByNo() {
    return this.made.refundByNo();
  }
  get refundsByBillNo() {
    return this.made.refundsByBillNo();
  }
  get needApproval() {
    return this.made.needApproval();
  }
}

/** A look-up's "no such record" answer as null; any other failure goes on. */
export function missingAsNull(error: unknown, missing: 'NO_SUCH_BILL' | 'NO_SUCH_REFUND'): null {
  if (error instanceof UpstreamError && error.code === missing) return null;
  throw error;
}

export function createContext(services: GatewayServices, principal: Principal | null): GatewayContext {
  const api = new OperationUpstream(services.api, services.limits);
  return {
    api,
    loaders: createLoaders(api, services.cache),
    invalidate: services.invalidate,
    announce: services.announce,
    principal,
    maxOptionalBytes: services.limits.maxOptionalBytes,
    notifyUrlPrefixes: services.limits.notifyUrlPrefixes,
    events: services.events,
    eventLog: services.eventLog,
  };
}
