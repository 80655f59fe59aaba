/** What a company mainly is in this industry map. */
export enum CompanyKind {
  AI_LAB = 'AI_LAB',
  BIG_TECH = 'BIG_TECH',
  CLOUD = 'CLOUD',
  CHIPMAKER = 'CHIPMAKER',
  NEOCLOUD = 'NEOCLOUD',
  INVESTOR = 'INVESTOR',
  OTHER = 'OTHER',
}

/** The nature of a dollar amount, so commitments and ceilings are never summed as cash. */
export enum AmountKind {
  PAID = 'PAID',
  COMMITMENT = 'COMMITMENT',
  UP_TO = 'UP_TO',
  CONTRACT_VALUE = 'CONTRACT_VALUE',
  STAKE_VALUE = 'STAKE_VALUE',
}

export enum InvestmentStatus {
  ANNOUNCED = 'ANNOUNCED',
  COMPLETED = 'COMPLETED',
  PLANNED = 'PLANNED',
  LAPSED = 'LAPSED',
}

export enum Instrument {
  EQUITY = 'EQUITY',
  CONVERTIBLE_NOTE = 'CONVERTIBLE_NOTE',
  CONVERTIBLE_DEBT = 'CONVERTIBLE_DEBT',
  SAFE = 'SAFE',
  WARRANT = 'WARRANT',
  /** A loan or a bond: owed back, never equity (see src/domain/debt.ts for what its money counts as). */
  DEBT = 'DEBT',
}

export enum ComputeDealStatus {
  ANNOUNCED = 'ANNOUNCED',
  ACTIVE = 'ACTIVE',
  COMPLETED = 'COMPLETED',
  LAPSED = 'LAPSED',
}

export enum ComputeResource {
  CLOUD = 'CLOUD',
  GPU = 'GPU',
  TPU = 'TPU',
  TRAINIUM = 'TRAINIUM',
  CUSTOM_ACCELERATOR = 'CUSTOM_ACCELERATOR',
  DATA_CENTER = 'DATA_CENTER',
}

export enum AcquisitionKind {
  ACQUISITION = 'ACQUISITION',
  ACQUIHIRE_LICENSE = 'ACQUIHIRE_LICENSE',
}

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
