import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate';
import {
  allenCunneenFactor,
  erlangB,
  erlangC,
  gammaMixtureCdf,
  gammaMixturePercentile,
  gammaP,
  mmc,
  mmcMixturePercentile,
  responseSurvival,
  solveOpenNetwork,
  waitPercentile,
} from './queueing';
import type { Design } from './types';

describe('M/M/c against textbook answers', () => {
  it('M/M/2, λ=9, μ=5: Lq = 7.674, R = 1.053 (Octave queueing package, qsmmm tests)', () => {
    const r = mmc(9, 5, 2);
    expect(r.lq).toBeCloseTo(7.674, 3);
    expect(r.r).toBeCloseTo(1.053, 3);
    expect(r.rho).toBeCloseTo(0.9, 12);
  });

  it('M/M/4, λ=9, μ=5: Lq = 0.105, R = 0.212 (Octave queueing package, qsmmm tests)', () => {
    const r = mmc(9, 5, 4);
    expect(r.lq).toBeCloseTo(0.105, 3);
    expect(r.r).toBeCloseTo(0.212, 3);
  });

  it('Erlang C with a = 2.5: C(5, 2.5) = 0.130, C(6, 2.5) = 0.047 (Erlang C call-centre example)', () => {
    expect(erlangC(5, 2.5)).toBeCloseTo(0.13, 3);
    expect(erlangC(6, 2.5)).toBeCloseTo(0.047, 3);
  });

  it('Erlang B recurrence matches the closed form for small c', () => {
    // B(2, a) = (a²/2) / (1 + a + a²/2)
    const a = 1.7;
    expect(erlangB(2, a)).toBeCloseTo(a ** 2 / 2 / (1 + a + a ** 2 / 2), 12);
    expect(erlangC(3, 3)).toBe(1);
  });

  it('M/M/1 response-time percentile equals the closed form P(T>t) = e^{-(μ-λ)t} (textbook M/M/1)', () => {
    const lambda = 0.6;
    const mu = 1;
    const c = erlangC(1, lambda / mu);
    expect(c).toBeCloseTo(0.6, 12);
    const theta = mu - lambda;
    for (const t of [0.1, 1, 3, 10]) expect(responseSurvival(t, mu, theta, c)).toBeCloseTo(Math.exp(-(mu - lambda) * t), 12);
    for (const p of [0.5, 0.95, 0.99]) {
      const t = mmcMixturePercentile(p, 1, [1], [mu], theta, c);
      expect(t).toBeCloseTo(-Math.log(1 - p) / (mu - lambda), 6);
    }
  });

  it('the θ = μ branch of the response-time formula is the limit of the general one', () => {
    const mu = 2;
    const c = 0.3;
    const t = 0.7;
    expect(responseSurvival(t, mu, mu, c)).toBeCloseTo(responseSurvival(t, mu, mu * (1 + 1e-5), c), 5);
  });

  it('M/M/c waiting percentile: P(Wq > t) = C·e^{-θt}', () => {
    const c = erlangC(2, 9 / 5);
    const theta = 2 * 5 - 9;
    const t95 = waitPercentile(c, theta, 0.95);
    expect(c * Math.exp(-theta * t95)).toBeCloseTo(0.05, 10);
    expect(waitPercentile(0.01, 5, 0.95)).toBe(0);
  });

  it('E_n/M/1 exact wait vs the Allen–Cunneen approximation with c_a² = 1/n (round-robin sanity)', () => {
    // Exact GI/M/1: σ = A*(μ(1-σ)), A*(s) = (nλ/(nλ+s))^n; Wq = σ/(μ(1-σ)).
    for (const n of [2, 4, 8]) {
      for (const rho of [0.5, 0.8, 0.9]) {
        const mu = 1;
        const lambda = rho;
        let sigma = rho;
        for (let i = 0; i < 5000; i++) sigma = Math.pow((n * lambda) / (n * lambda + mu * (1 - sigma)), n);
        const exact = sigma / (mu * (1 - sigma));
        const ac = allenCunneenFactor(1 / n) * mmc(lambda, mu, 1).wq;
        const poisson = mmc(lambda, mu, 1).wq;
        // Allen–Cunneen is conservative, better than Poisson, and tight under heavy load.
        expect(ac).toBeGreaterThanOrEqual(exact);
        expect(ac).toBeLessThan(poisson);
        if (rho >= 0.8) expect(ac / exact).toBeLessThan(1.15);
      }
    }
  });

  it('round-robin over three single-instance app nodes smooths arrivals like three instances of one node (exact E3/M/1)', () => {
    // A round-robin balancer cycles over every instance it feeds, whichever node
    // it belongs to: each of three one-core nodes sees every 3rd arrival (E3).
    const rho = 0.75;
    const sMs = 4;
    const perNode = (rho * 1000) / sMs;
    const users = Math.round((perNode * 3 * 86400) / (50 * 3));
    const apps = ['a', 'b', 'c'];
    const design: Design = {
      schemaVersion: 1,
      workload: { users, staticShare: 1 },
      nodes: [
        { id: 'users', kind: 'users' },
        { id: 'lb', kind: 'load-balancer' },
        ...apps.map((id) => ({ id, kind: 'app-server' as const, params: { cores: 1, serviceMs: { static: sMs } } })),
      ],
      edges: [{ id: 'u', source: 'users', target: 'lb' }, ...apps.map((id) => ({ id: `lb-${id}`, source: 'lb', target: id }))],
    };
    const e = evaluate(design, undefined, { stages: false });
    const lambda = e.nodes.a.arrivalRps.static / 1000;
    const mu = 1 / sMs;
    let sigma = lambda / mu;
    for (let i = 0; i < 5000; i++) sigma = Math.pow((3 * lambda) / (3 * lambda + mu * (1 - sigma)), 3);
    const exactMean = 1 / (mu * (1 - sigma));
    const randomMean = 1 / (mu - lambda);
    // Within 10% of the exact E3/M/1 answer (Allen–Cunneen is conservative); a random split would be 44% above it.
    expect(e.nodes.a.responseMs.mean / exactMean).toBeGreaterThanOrEqual(1);
    expect(e.nodes.a.responseMs.mean / exactMean).toBeLessThan(1.1);
    expect(randomMean / exactMean).toBeGreaterThan(1.4);
  });

  it('M/D/1 at ρ = 0.9: Wq = 4.5·E[S] (Pollaczek–Khinchine; Kingman/Allen–Cunneen exact here)', () => {
    const s = 1;
    const wqMM1 = mmc(0.9, 1 / s, 1).wq;
    expect(allenCunneenFactor(1, 0) * wqMM1).toBeCloseTo(4.5 * s, 10);
  });
});

describe('open networks against textbook answers', () => {
  it('Jain, Art of Computer Systems Performance Analysis, Ex. 34.1: λ=3, V=[16,7,8], S=[.01,.02,.03] gives U=[.48,.42,.72]', () => {
    // Central server: the CPU sends 7/16 of visits to disk A, 8/16 to disk B, 1/16 leave.
    const p = [
      [0, 7 / 16, 8 / 16],
      [1, 0, 0],
      [1, 0, 0],
    ];
    const r = solveOpenNetwork([3, 0, 0], p, [0.01, 0.02, 0.03]);
    expect(r.x[0]).toBeCloseTo(48, 6);
    r.u.forEach((u, i) => expect(u).toBeCloseTo([0.48, 0.42, 0.72][i], 6));
  });

  it('Bolch et al., Ex. 7.4 Jackson network: X=[20,10,10,4], U=[.8,.3,.6,.2], R=[.2,.043,.15,.0625]', () => {
    const p = [
      [0, 0.5, 0.5, 0],
      [1, 0, 0, 0],
      [0.6, 0, 0, 0],
      [1, 0, 0, 0],
    ];
    const r = solveOpenNetwork([0, 0, 0, 4], p, [0.04, 0.03, 0.06, 0.05]);
    [20, 10, 10, 4].forEach((x, i) => expect(r.x[i]).toBeCloseTo(x, 6));
    [0.8, 0.3, 0.6, 0.2].forEach((u, i) => expect(r.u[i]).toBeCloseTo(u, 6));
    [0.2, 0.043, 0.15, 0.0625].forEach((x, i) => expect(r.r[i]).toBeCloseTo(x, 3));
  });
});

describe('gamma-matched path mixtures', () => {
  it('gammaP matches the exponential CDF for shape 1 and a chi-square value', () => {
    for (const x of [0.1, 1, 5]) expect(gammaP(1, x)).toBeCloseTo(1 - Math.exp(-x), 10);
    // χ² with 4 degrees of freedom at 9.488 is the 95th percentile: P(2, 4.744) = 0.95.
    expect(gammaP(2, 9.4877 / 2)).toBeCloseTo(0.95, 4);
  });

  it('the percentile of a one-component mixture inverts its CDF; point masses are steps', () => {
    const m = { n: 1, weight: [1], mean: [10], variance: [100] }; // exponential, mean 10
    expect(gammaMixturePercentile(m, 0.95)).toBeCloseTo(-10 * Math.log(0.05), 4);
    const two = { n: 2, weight: [0.8, 0.2], mean: [40, 240], variance: [0, 0] };
    expect(gammaMixturePercentile(two, 0.5)).toBeCloseTo(40, 4);
    expect(gammaMixturePercentile(two, 0.95)).toBeCloseTo(240, 4);
    expect(gammaMixtureCdf(two, 100)).toBeCloseTo(0.8, 12);
  });
});

describe('the engine reproduces M/M/c at a node', () => {
  it('a 2-core server at λ=9/s with 200 ms reads has the M/M/2 mean response 1.053 s (Octave qsmmm)', () => {
    // R = users · 50 / 86400 · 3 = 9 rps when users = 5184.
    const design: Design = {
      schemaVersion: 1,
      workload: { users: 5184, staticShare: 0, readRatio: 1 },
      nodes: [
        { id: 'users', kind: 'users' },
        { id: 'box', kind: 'server', params: { cores: 2, serviceMs: { read: 200 } } },
      ],
      edges: [{ id: 'e', source: 'users', target: 'box' }],
    };
    const e = evaluate(design, undefined, { stages: false });
    expect(e.offered.read).toBeCloseTo(9, 10);
    expect(e.nodes.box.utilization).toBeCloseTo(0.9, 10);
    expect(e.nodes.box.responseMs.mean).toBeCloseTo(1053, 0);
    // Server-side latency starts at the entry (MODEL.md §9.4), so end to end is the node's own;
    // the user-perceived view adds one round trip of the regional audience (20 or 40 ms, mean 30).
    expect(e.endToEnd.latencyMs.read.mean).toBeCloseTo(1053, 0);
    expect(e.endToEnd.latencyMs.userPerceived.read.mean).toBeCloseTo(1083, 0);
  });

  it('utilisation law U = X·S/c holds at every station of a chain (Jain ch. 33)', () => {
    const design: Design = {
      schemaVersion: 1,
      // 5 KB a user keeps the data in the database's RAM: the law is about CPU (storage is its own utilisation, MODEL.md §9.2).
      workload: { users: 1_000_000, dataPerUserMB: 0.005 },
      nodes: [
        { id: 'users', kind: 'users' },
        { id: 'lb', kind: 'load-balancer' },
        { id: 'app', kind: 'app-server', params: { instances: 10, stateless: true } },
        { id: 'db', kind: 'database', params: { size: 'large' } },
      ],
      edges: [
        { id: 'a', source: 'users', target: 'lb' },
        { id: 'b', source: 'lb', target: 'app' },
        { id: 'c', source: 'app', target: 'db' },
      ],
    };
    const e = evaluate(design, undefined, { stages: false });
    const o = e.offered;
    const appWork = o.static * 1 + o.read * 5 + o.write * (8 + 0.2 * 200);
    expect(e.nodes.app.utilization).toBeCloseTo(appWork / 1000 / (10 * 2), 10);
    // A relational store's figures are per query (MODEL.md §9.2): 10 queries of 0.12 ms per read, 5 statements of 0.17 ms per write.
    expect(e.nodes.db.storageIo!.cpuUtilization).toBeCloseTo((o.read * 10 * 0.12 + o.write * 5 * 0.17) / 1000 / 8, 10);
    expect(e.nodes.lb.utilization).toBeCloseTo(o.total / 50_000, 10);
  });
});

describe('memory and disk of a relational store (MODEL.md §9.2)', () => {
  const store = (users: number, size: 'medium' | 'xlarge' = 'medium', more: Partial<Design['workload']> = {}): Design => ({
    schemaVersion: 1,
    workload: { users, staticShare: 0, readRatio: 1, ...more },
    nodes: [
      { id: 'users', kind: 'users' },
      { id: 'app', kind: 'app-server', params: { instances: 200 } },
      { id: 'db', kind: 'database', params: { size } },
    ],
    edges: [
      { id: 'a', source: 'users', target: 'app' },
      { id: 'b', source: 'app', target: 'db' },
    ],
  });

  it('data that fits in the buffer pool is read from RAM; beyond it, the Zipf share of pages misses and costs storage reads', () => {
    // 1,000 users × 2 MB = 2 GB: inside a medium instance's 12 GB of buffer pool.
    const small = evaluate(store(1_000), undefined, { stages: false }).nodes.db.storageIo!;
    expect(small.bufferHitRatio).toBe(1);
    expect(small.readIoMs).toBe(0);
    // 1M users: 2 TB over 12 GB of pool, 8 KB pages, α = 0.9: H = (C^0.1 − 1)/(N^0.1 − 1).
    const big = evaluate(store(1_000_000), undefined, { stages: false }).nodes.db.storageIo!;
    const n = 2e12 / 8e3;
    const c = 12e9 / 8e3;
    expect(big.bufferHitRatio).toBeCloseTo((Math.pow(c, 0.1) - 1) / (Math.pow(n, 0.1) - 1), 10);
    expect(big.iopsLimit).toBe(12_000);
    expect(big.readIoMs).toBeGreaterThan(0);
  });

  it('storage, not CPU, saturates a lone primary read by a large audience; more RAM (a larger size) raises the hit ratio', () => {
    // 20 TB of data, 2,431 reads a second: the CPU is at 91%, the volume past its 12,000 IOPS.
    const heavy = { dataPerUserMB: 20, requestsPerUserPerDay: 70 };
    const medium = evaluate(store(1_000_000, 'medium', heavy), undefined, { stages: false });
    expect(medium.nodes.db.storageIo!.ioUtilization).toBeGreaterThan(medium.nodes.db.utilization - 1e-9);
    expect(medium.nodes.db.storageIo!.ioUtilization).toBeGreaterThan(1);
    expect(medium.nodes.db.saturated).toBe(true);
    expect(medium.findings.find((f) => f.nodeId === 'db' && f.code === 'saturated')!.message).toMatch(/storage operations a second against 12,000/);
    const xl = evaluate(store(1_000_000, 'xlarge', heavy), undefined, { stages: false }).nodes.db.storageIo!;
    expect(xl.bufferHitRatio).toBeGreaterThan(medium.nodes.db.storageIo!.bufferHitRatio);
  });
});

describe('network bandwidth of an app tier (MODEL.md §9.2)', () => {
  it('static bytes beyond an instance’s 0.937 Gbps saturate it whatever its cores; a CDN takes them off', () => {
    // 1,300 static requests a second of 100 KB = 1.04 Gbps on one medium instance, whose 2 cores are 65% busy.
    const users = Math.round((1300 * 86400) / (50 * 3));
    const design = (cdn: boolean): Design => ({
      schemaVersion: 1,
      workload: { users, staticShare: 1 },
      nodes: [
        { id: 'users', kind: 'users' },
        ...(cdn ? [{ id: 'cdn', kind: 'cdn' as const, params: { hitRatio: 0.95 } }] : []),
        { id: 'app', kind: 'app-server' },
      ],
      edges: cdn
        ? [
            { id: 'a', source: 'users', target: 'cdn' },
            { id: 'b', source: 'cdn', target: 'app' },
          ]
        : [{ id: 'a', source: 'users', target: 'app' }],
    });
    const direct = evaluate(design(false), undefined, { stages: false }).nodes.app;
    expect(direct.cpuUtilization).toBeCloseTo(0.65, 2);
    expect(direct.networkUtilization).toBeCloseTo((1300 * 100_000 * 8) / 0.937e9, 2);
    expect(direct.saturated).toBe(true);
    const behindCdn = evaluate(design(true), undefined, { stages: false }).nodes.app;
    expect(behindCdn.networkUtilization).toBeCloseTo(direct.networkUtilization * 0.05, 6);
    expect(behindCdn.saturated).toBe(false);
  });
});
