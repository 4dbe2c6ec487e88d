/** The three fields that authenticate every call. */
export interface AppAuth {
  app_id: string;
  /** Milliseconds since the epoch, a JSON integer of at most 13 digits. */
  timestamp: number;
  /** `md5(app_id + timestamp + secret)`, 32 hex characters, case-insensitive. */
  app_sign: string;
}

/** An endpoint's parameters without the three auth fields, which the signing client adds. */
export type Unsigned<T> = Omit<T, keyof AppAuth>;
