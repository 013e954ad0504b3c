/** A scenario outcome's score on one day: the JSS, and its change from the baseline's. */
export interface OutcomeFigures {
  jss: number | null;
  delta: number | null;
}
