/** A type or field name as words in a message: "FundingRound" or "fundingRound" -> "funding round". */
export function humanName(name: string): string {
  return name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
