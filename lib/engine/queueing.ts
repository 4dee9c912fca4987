/**
 * Queueing formulas (MODEL.md §3). Times are in whatever unit the rates use
 * (the engine uses milliseconds and requests per millisecond); every function
 * is pure and allocation-free unless it says otherwise.
 */

/**
 * Erlang B blocking probability by the stable recurrence
 * `B0 = 1, Bk = a·B(k-1) / (k + a·B(k-1))`. `a` is the offered load in
 * servers (λ/μ), `c` the number of servers. O(c), stopping early once the
 * value is below 1e-300 (it only shrinks from there).
 */
export function erlangB(c: number, a: number): number {
  if (a <= 0) return 0;
  let b = 1;
  for (let k = 1; k <= c; k++) {
    b = (a * b) / (k + a * b);
    if (b < 1e-300) return 0;
  }
  return b;
}

/**
 * Erlang C: the probability that an arrival waits in an M/M/c queue,
 * `C = B / (1 - ρ + ρB)` with `ρ = a/c`. Returns 1 when `ρ ≥ 1`.
 */
export function erlangC(c: number, a: number): number {
  if (a <= 0) return 0;
  const rho = a / c;
  if (rho >= 1) return 1;
  const b = erlangB(c, a);
  return b / (1 - rho + rho * b);
}

/** Allen–Cunneen factor `(c_a² + c_s²)/2` scaling an M/M/c wait (c_s² = 1 for exponential service). */
export function allenCunneenFactor(ca2: number, cs2 = 1): number {
  return (ca2 + cs2) / 2;
}

export interface MmcResult {
  /** Utilisation per server, λ/(cμ). */
  rho: number;
  /** Probability of waiting (Erlang C). */
  c: number;
  /** Mean number waiting. */
  lq: number;
  /** Mean wait in queue. */
  wq: number;
  /** Mean response time (wait + service). */
  r: number;
}

/**
 * M/M/c mean values for arrival rate `lambda`, service rate `mu` per server,
 * `c` servers; `factor` scales the wait (Allen–Cunneen, 1 for Poisson).
 * Requires λ < cμ.
 */
export function mmc(lambda: number, mu: number, c: number, factor = 1): MmcResult {
  const a = lambda / mu;
  const rho = a / c;
  const pw = erlangC(c, a);
  const wq = (factor * pw) / (c * mu - lambda);
  return { rho, c: pw, lq: lambda * wq, wq, r: wq + 1 / mu };
}

/**
 * Waiting-time percentile of M/M/c: `max(0, ln(C/(1-p)) / θ)` with
 * `θ = (cμ-λ)/factor` the (Allen–Cunneen scaled) rate of the conditional wait.
 */
export function waitPercentile(pWait: number, theta: number, p: number): number {
  if (pWait <= 0 || theta <= 0) return 0;
  return Math.max(0, Math.log(pWait / (1 - p)) / theta);
}

/**
 * Survival function of the M/M/c response time for a request whose own
 * service is exponential with rate `mu`, when it waits with probability `pw`
 * and, if it waits, for an exponential time of rate `theta`
 * (`θ = cμ̄ - λ`): `P(T>t) = e^{-μt} + C·μ/(θ-μ)·(e^{-μt} - e^{-θt})`,
 * and `e^{-μt}(1 + Cμt)` when `θ = μ` (MODEL.md §3).
 */
export function responseSurvival(t: number, mu: number, theta: number, pw: number): number {
  const em = Math.exp(-mu * t);
  if (pw <= 0) return em;
  const d = theta - mu;
  if (Math.abs(d) < 1e-7 * mu) return em * (1 + pw * mu * t);
  return em + ((pw * mu) / d) * (em - Math.exp(-theta * t));
}

/** Density of {@link responseSurvival} (its negative derivative). */
export function responseDensity(t: number, mu: number, theta: number, pw: number): number {
  const em = Math.exp(-mu * t);
  if (pw <= 0) return mu * em;
  const d = theta - mu;
  if (Math.abs(d) < 1e-7 * mu) return em * (mu + pw * mu * (mu * t - 1));
  return mu * em + ((pw * mu) / d) * (mu * em - theta * Math.exp(-theta * t));
}

/**
 * Percentile `p` of a mixture of M/M/c response times (one component per
 * request class, sharing the node's wait): solves
 * `Σ wᵢ·P(Tᵢ > t) = 1 - p` for `t` by bisection, accelerated by Newton steps
 * that stay inside the bracket (the bracket halves whenever a Newton step
 * would leave it). `w`, `mu` are read for indices `[0, n)`. `theta` is the
 * rate of the conditional wait, one for all components or one per component
 * (a hyperexponential wait is one component per class and phase, each
 * weighted by the phase's probability). Same time unit as `1/mu`.
 *
 * Components often share a rate (a class's two wait phases share its μ;
 * every class shares a phase's θ), so each distinct rate's exponential is
 * computed once per step, and the loop-invariant logs once per call.
 */
export function mmcMixturePercentile(
  p: number,
  n: number,
  w: ArrayLike<number>,
  mu: ArrayLike<number>,
  theta: number | ArrayLike<number>,
  pw: number,
): number {
  setMixture(n, w, mu, theta);
  return mixturePercentile(p, theta, pw);
}

/**
 * {@link mmcMixturePercentile} at two percentiles of the same mixture (a
 * node's p95 and p99), into `out[0]` and `out[1]`: the components are
 * gathered once.
 */
export function mmcMixturePercentiles(
  pA: number,
  pB: number,
  n: number,
  w: ArrayLike<number>,
  mu: ArrayLike<number>,
  theta: number | ArrayLike<number>,
  pw: number,
  out: Float64Array,
): void {
  setMixture(n, w, mu, theta);
  out[0] = mixturePercentile(pA, theta, pw);
  out[1] = mixturePercentile(pB, theta, pw);
}

/**
 * Gathers the live components (non-zero weight), each with its slot among
 * the distinct rates, into `mix`. A weight may be negative where a
 * component's service is a sum of exponentials (b/(b−a)·e^{−at} − a/(b−a)·e^{−bt}):
 * the mixture's survival stays a survival function.
 */
function setMixture(n: number, w: ArrayLike<number>, mu: ArrayLike<number>, theta: number | ArrayLike<number>) {
  if (mix.slotMu.length < n) mix = makeMixScratch(n);
  const { slotMu, slotTheta, rateMu, rateTheta, cw, cmu, ctheta } = mix;
  let c = 0;
  let nMu = 0;
  let nTheta = 0;
  let thetaMin = Infinity;
  for (let i = 0; i < n; i++) {
    if (w[i] === 0 || !(w[i] === w[i])) continue;
    const m = mu[i];
    const th = typeof theta === 'number' ? theta : theta[i];
    cw[c] = w[i];
    cmu[c] = m;
    ctheta[c] = th;
    let a = 0;
    while (a < nMu && rateMu[a] !== m) a++;
    if (a === nMu) rateMu[nMu++] = m;
    slotMu[c] = a;
    let b = 0;
    while (b < nTheta && rateTheta[b] !== th) b++;
    if (b === nTheta) rateTheta[nTheta++] = th;
    slotTheta[c] = b;
    if (th < thetaMin) thetaMin = th;
    c++;
  }
  mix.n = c;
  mix.nMu = nMu;
  mix.nTheta = nTheta;
  mix.thetaMin = thetaMin;
}

/** Percentile `p` of the mixture in `mix` (see {@link mmcMixturePercentile}). */
function mixturePercentile(p: number, theta: number | ArrayLike<number>, pw: number): number {
  const target = 1 - p;
  const { cw, cmu } = mix;
  const c = mix.n;
  let wsum = 0;
  const logTail = -Math.log(target);
  const waitP = waitPercentile(pw, mix.thetaMin, p);
  let hi = 0;
  for (let i = 0; i < c; i++) {
    wsum += cw[i];
    // Upper bound of each component's percentile: service plus waiting percentile.
    const b = logTail / cmu[i] + waitP * 2 + 1 / cmu[i];
    if (b > hi) hi = b;
  }
  if (wsum <= 0 || !(hi > 0)) return 0;
  let guard = 0;
  for (;;) {
    mixtureSurvival(hi, pw);
    if (!(mix.s / wsum > target && guard++ < 60)) break;
    hi *= 2;
  }
  let lo = 0;
  // Start from the weighted service percentile plus the waiting percentile (close to the answer).
  let guess = 0;
  for (let i = 0; i < c; i++) guess += (cw[i] / wsum) * (logTail / cmu[i]);
  guess += typeof theta === 'number' ? waitPercentile(pw, theta, p) : waitP;
  let t = guess > 0 && guess < hi ? guess : hi / 2;
  for (let iter = 0; iter < 100; iter++) {
    mixtureSurvival(t, pw);
    const s = mix.s / wsum;
    const f = mix.f / wsum;
    const g = s - target;
    if (g > 0) lo = t;
    else hi = t;
    if (hi - lo <= 1e-9 * hi || Math.abs(g) < 1e-9 * target) break;
    let next = f > 0 ? t + g / f : NaN;
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    t = next;
  }
  return t;
}

interface MixScratch {
  /** Live components: weight, service rate and wait rate, and the slot of each rate among the distinct ones. */
  cw: Float64Array;
  cmu: Float64Array;
  ctheta: Float64Array;
  slotMu: Int32Array;
  slotTheta: Int32Array;
  rateMu: Float64Array;
  rateTheta: Float64Array;
  expMu: Float64Array;
  expTheta: Float64Array;
  n: number;
  nMu: number;
  nTheta: number;
  /** Smallest wait rate among the live components. */
  thetaMin: number;
  /** Results of `mixtureSurvival`: Σ wᵢ·P(Tᵢ > t) and its negative derivative. */
  s: number;
  f: number;
}

function makeMixScratch(size: number): MixScratch {
  const f = () => new Float64Array(size);
  const i = () => new Int32Array(size);
  return { cw: f(), cmu: f(), ctheta: f(), slotMu: i(), slotTheta: i(), rateMu: f(), rateTheta: f(), expMu: f(), expTheta: f(), n: 0, nMu: 0, nTheta: 0, thetaMin: Infinity, s: 0, f: 0 };
}
let mix = makeMixScratch(16);

/** Weighted survival and density of the live components at `t` ({@link responseSurvival}, {@link responseDensity}), into `mix.s`, `mix.f`. */
function mixtureSurvival(t: number, pw: number) {
  const { cw, cmu, ctheta, slotMu, slotTheta, rateMu, rateTheta, expMu, expTheta, n, nMu, nTheta } = mix;
  for (let a = 0; a < nMu; a++) expMu[a] = Math.exp(-rateMu[a] * t);
  if (pw > 0) for (let b = 0; b < nTheta; b++) expTheta[b] = Math.exp(-rateTheta[b] * t);
  let s = 0;
  let f = 0;
  for (let i = 0; i < n; i++) {
    const m = cmu[i];
    const em = expMu[slotMu[i]];
    let sv: number;
    let dv: number;
    if (pw <= 0) {
      sv = em;
      dv = m * em;
    } else {
      const th = ctheta[i];
      const d = th - m;
      if (Math.abs(d) < 1e-7 * m) {
        sv = em * (1 + pw * m * t);
        dv = em * (m + pw * m * (m * t - 1));
      } else {
        const et = expTheta[slotTheta[i]];
        sv = em + ((pw * m) / d) * (em - et);
        dv = m * em + ((pw * m) / d) * (m * em - th * et);
      }
    }
    s += cw[i] * sv;
    f += cw[i] * dv;
  }
  mix.s = s;
  mix.f = f;
}

// ---------------------------------------------------------------------------
// Gamma distribution (path latency approximations, MODEL.md §3)

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 (Lanczos, g = 7). */
export function lnGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  const z = x - 1;
  let a = LANCZOS[0];
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i] / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Standard normal CDF (Abramowitz–Stegun 7.1.26 on erfc; |error| < 1.5e-7). */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const y =
    t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erfc = y * Math.exp(-x * x);
  return z >= 0 ? 1 - erfc / 2 : erfc / 2;
}

/**
 * Regularised lower incomplete gamma `P(a, x)`: the CDF at `x` of a gamma
 * distribution with shape `a` and scale 1. Series below `a+1`, continued
 * fraction above; Wilson–Hilferty for very large shapes.
 */
export function gammaP(a: number, x: number, lnGammaA = lnGamma(a)): number {
  if (x <= 0) return 0;
  if (a > 400) {
    const k = 1 / (9 * a);
    return normalCdf((Math.cbrt(x / a) - (1 - k)) / Math.sqrt(k));
  }
  const front = Math.exp(-x + a * Math.log(x) - lnGammaA);
  if (x < a + 1) {
    let ap = a;
    let del = 1 / a;
    let sum = del;
    for (let n = 0; n < 1000; n++) {
      ap += 1;
      del *= x / ap;
      sum += del;
      if (Math.abs(del) < Math.abs(sum) * 1e-13) break;
    }
    return Math.min(1, sum * front);
  }
  // Lentz continued fraction for Q(a, x).
  let b = x + 1 - a;
  let c = 1e300;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 1000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < 1e-300) d = 1e-300;
    c = b + an / c;
    if (Math.abs(c) < 1e-300) c = 1e-300;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-13) break;
  }
  return Math.max(0, 1 - front * h);
}

/** Gamma density at `x` for shape `a`, scale 1. */
function gammaPdf(a: number, x: number, lnGammaA: number): number {
  if (x <= 0) return 0;
  return Math.exp((a - 1) * Math.log(x) - x - lnGammaA);
}

/**
 * A mixture of path-time distributions, each matched by a gamma distribution
 * on its mean and variance (a point mass where the variance is zero).
 * Arrays are read for indices `[0, n)`.
 */
export interface GammaMixture {
  n: number;
  weight: ArrayLike<number>;
  mean: ArrayLike<number>;
  variance: ArrayLike<number>;
}

/** Shapes below this count as point masses (variance ≈ 0). */
const POINT_MASS_CV2 = 1e-10;

/** CDF of the gamma-matched mixture at `t` (weights normalised). */
export function gammaMixtureCdf(m: GammaMixture, t: number): number {
  let s = 0;
  let wsum = 0;
  for (let i = 0; i < m.n; i++) {
    const w = m.weight[i];
    if (w <= 0) continue;
    wsum += w;
    const mean = m.mean[i];
    const v = m.variance[i];
    if (mean <= 0) {
      s += w;
      continue;
    }
    if (v <= POINT_MASS_CV2 * mean * mean) {
      if (t >= mean) s += w;
      continue;
    }
    const shape = (mean * mean) / v;
    const scale = v / mean;
    s += w * gammaP(shape, t / scale);
  }
  return wsum > 0 ? s / wsum : 1;
}

/** Per component of the mixture being solved: how it counts (GAMMA_*), its gamma shape and scale and ln Γ(shape). */
const GAMMA_SKIP = 0;
const GAMMA_AT_ZERO = 1;
const GAMMA_POINT = 2;
const GAMMA_SHAPED = 3;
let gKind = new Uint8Array(32);
let gShape = new Float64Array(32);
let gScale = new Float64Array(32);
let gLnGamma = new Float64Array(32);
let gTop = new Float64Array(32);

/** Σ wᵢ·P(Tᵢ ≤ t) over the mixture whose constants `gammaMixturePercentile` has just set (gammaMixtureCdf before normalising). */
function weightBelow(m: GammaMixture, t: number): number {
  let s = 0;
  for (let i = 0; i < m.n; i++) {
    const kind = gKind[i];
    if (kind === GAMMA_SKIP) continue;
    const w = m.weight[i];
    if (kind === GAMMA_AT_ZERO) s += w;
    else if (kind === GAMMA_POINT) {
      if (t >= m.mean[i]) s += w;
    } else s += w * gammaP(gShape[i], t / gScale[i], gLnGamma[i]);
  }
  return s;
}

/**
 * Percentile `p` of a gamma-matched mixture: bisection on the mixture CDF,
 * with Newton steps kept inside the bracket to finish in a few iterations.
 * Each component's shape, scale and ln Γ(shape) are found once per call
 * (the same values `gammaMixtureCdf` computes at every point).
 */
export function gammaMixturePercentile(m: GammaMixture, p: number): number {
  const n = m.n;
  if (gKind.length < n) {
    const size = Math.max(n, gKind.length * 2);
    gKind = new Uint8Array(size);
    gShape = new Float64Array(size);
    gScale = new Float64Array(size);
    gLnGamma = new Float64Array(size);
    gTop = new Float64Array(size);
  }
  let wsum = 0;
  let hi = 0;
  for (let i = 0; i < n; i++) {
    const w = m.weight[i];
    const mean = m.mean[i];
    const v = m.variance[i];
    if (w <= 0) {
      gKind[i] = GAMMA_SKIP;
      continue;
    }
    wsum += w;
    const b = mean + 10 * Math.sqrt(v) + 1e-9;
    if (b > hi) hi = b;
    if (mean <= 0) gKind[i] = GAMMA_AT_ZERO;
    else if (v <= POINT_MASS_CV2 * mean * mean) gKind[i] = GAMMA_POINT;
    else {
      gKind[i] = GAMMA_SHAPED;
      const shape = (mean * mean) / v;
      gShape[i] = shape;
      gScale[i] = v / mean;
      gLnGamma[i] = lnGamma(shape);
      // Beyond this (in units of the scale) the component's CDF is 1 to double precision (tail below e^-40).
      gTop[i] = shape + 10 * Math.sqrt(shape) + 40;
    }
  }
  if (wsum <= 0 || !(hi > 0)) return 0;
  let guard = 0;
  while (weightBelow(m, hi) / wsum < p && guard++ < 60) hi *= 2;
  let lo = 0;
  let t = hi / 2;
  for (let iter = 0; iter < 200; iter++) {
    let s = 0;
    let f = 0;
    for (let i = 0; i < n; i++) {
      const kind = gKind[i];
      if (kind === GAMMA_SKIP) continue;
      const w = m.weight[i];
      if (kind === GAMMA_AT_ZERO) {
        s += w;
        continue;
      }
      if (kind === GAMMA_POINT) {
        if (t >= m.mean[i]) s += w;
        continue;
      }
      const shape = gShape[i];
      const scale = gScale[i];
      const x = t / scale;
      // A component far below t is wholly below it: skip the incomplete gamma function.
      if (x > gTop[i]) {
        s += w;
        continue;
      }
      const lg = gLnGamma[i];
      s += w * gammaP(shape, x, lg);
      f += (w * gammaPdf(shape, x, lg)) / scale;
    }
    s /= wsum;
    f /= wsum;
    const g = s - p;
    if (g < 0) lo = t;
    else hi = t;
    if (hi - lo <= 1e-7 * hi || Math.abs(g) < 1e-10) break;
    let next = f > 0 ? t - g / f : NaN;
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    t = next;
  }
  return t;
}

// ---------------------------------------------------------------------------
// Open networks (the textbook form of what the engine's propagation does on a DAG)

export interface OpenNetworkResult {
  /** Throughput of each station. */
  x: number[];
  /** Utilisation per server of each station. */
  u: number[];
  /** Mean response time per visit at each station (M/M/c). */
  r: number[];
}

/**
 * Solves an open Jackson network: traffic equations `X = λ + Pᵀ X` (by
 * Gauss–Seidel iteration; routing may contain cycles), then each station as
 * M/M/c with `servers[i]` (default 1). `s[i]` is the mean service time.
 * Used by tests against textbook answers; the engine itself works on DAGs in
 * one topological pass.
 */
export function solveOpenNetwork(
  lambda: readonly number[],
  p: readonly (readonly number[])[],
  s: readonly number[],
  servers?: readonly number[],
): OpenNetworkResult {
  const n = lambda.length;
  const x = lambda.slice();
  for (let it = 0; it < 10_000; it++) {
    let change = 0;
    for (let j = 0; j < n; j++) {
      let v = lambda[j];
      for (let i = 0; i < n; i++) v += x[i] * p[i][j];
      change = Math.max(change, Math.abs(v - x[j]));
      x[j] = v;
    }
    if (change < 1e-12) break;
  }
  const u: number[] = [];
  const r: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = servers?.[i] ?? 1;
    const res = mmc(x[i], 1 / s[i], c);
    u.push(res.rho);
    r.push(res.r);
  }
  return { x, u, r };
}
