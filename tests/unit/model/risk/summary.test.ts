import {
  createRandom,
  distributionOf,
  driversOfWorst,
  OUTPUT_KEYS,
  percentileInc,
  summarize,
  type OutputKey,
  type RiskInputKey,
  type SampledInput,
  type SimulationRun,
  type WorkingKey,
  WORKING_KEYS,
} from "../../../../src/model/risk";

/** A sampled input with only what the summary reads (key, label) meaningful. */
function input(key: RiskInputKey): SampledInput {
  return {
    key,
    label: key,
    path: key,
    quantity: { value: 0 } as SampledInput["quantity"],
    low: 0,
    typical: 0,
    high: 1,
    shape: "pert",
    set: () => undefined,
    bind: () => () => undefined,
    sameFigure: [],
  };
}

/** A hand-made run: the given outputs and workings, every other one 0 in each trial. */
function handRun(
  trials: number,
  columns: [RiskInputKey, ArrayLike<number>][],
  outputs: Partial<Record<OutputKey, ArrayLike<number>>>,
  workings: Partial<Record<WorkingKey, ArrayLike<number>>> = {}
): SimulationRun {
  const all = Object.fromEntries(
    OUTPUT_KEYS.map((key) => [key, Float64Array.from(outputs[key] ?? new Float64Array(trials))])
  ) as Record<OutputKey, Float64Array>;
  return {
    trials,
    seed: 0,
    inputs: columns.map(([key]) => input(key)),
    samples: columns.map(([, values]) => Float64Array.from(values)),
    outputs: all,
    workings: Object.fromEntries(
      WORKING_KEYS.map((key) => [key, Float64Array.from(workings[key] ?? new Float64Array(trials))])
    ) as Record<WorkingKey, Float64Array>,
    correlation: { pairs: 0, changedBy: 0 },
  };
}

describe("percentileInc (Excel PERCENTILE.INC)", () => {
  it.each([
    // [1, 2, 3, 4, 5]: rank h = 4 p
    [[1, 2, 3, 4, 5], 0.1, 1.4], // h = 0.4: 1 + 0.4 x (2 - 1)
    [[1, 2, 3, 4, 5], 0.05, 1.2], // h = 0.2: 1 + 0.2 x 1
    [[1, 2, 3, 4, 5], 0.5, 3], // h = 2: the middle value
    [[1, 2, 3, 4, 5], 0.95, 4.8], // h = 3.8: 4 + 0.8 x 1
    [[1, 2, 3, 4, 5], 0, 1],
    [[1, 2, 3, 4, 5], 1, 5],
    // [10, 20, 40]: h = 2 p
    [[10, 20, 40], 0.9, 36], // h = 1.8: 20 + 0.8 x (40 - 20)
    [[10, 20, 40], 0.25, 15], // h = 0.5: 10 + 0.5 x 10
    [[7], 0.9, 7], // one value: h = 0
  ])("of %j at %p is %p", (values, p, expected) => {
    expect(percentileInc(values, p)).toBeCloseTo(expected, 12);
  });
});

describe("distributionOf", () => {
  it("prices over the trials that priced the output and reports their share", () => {
    // Given 5 trials, two unpriced (NaN): the priced ones are 3, 1, 2, sorted 1, 2, 3 (h = 2 p)
    const d = distributionOf(Float64Array.from([3, NaN, 1, 2, NaN]));
    expect(d).not.toBeNull();
    // Then pricedShare = 3 / 5, mean = 6 / 3 = 2, and the percentiles at 5, 10, 50, 90, 95 %:
    // h = 0.1, 0.2, 1, 1.8, 1.9 -> 1.1, 1.2, 2, 2.8, 2.9
    expect(d?.pricedShare).toBe(0.6);
    expect(d?.mean).toBe(2);
    const expected = [1.1, 1.2, 2, 2.8, 2.9];
    d?.percentiles.forEach((p, i) => expect(p).toBeCloseTo(expected[i], 12));
  });

  it("is null when no trial priced the output", () => {
    expect(distributionOf(Float64Array.from([NaN, NaN, NaN]))).toBeNull();
  });
});

describe("summarize", () => {
  it("counts the trials where building wins and the standard error of the mean difference", () => {
    // Given differenceWithDelay -1, 2, -3, 4, 0 and difference -1, -1, -1, 5, 5
    const run = handRun(5, [], {
      differenceWithDelay: [-1, 2, -3, 4, 0],
      difference: [-1, -1, -1, 5, 5],
      usefulCostBuild: [NaN, NaN, NaN, NaN, NaN],
    });
    const s = summarize(run);
    // Then build wins (a difference below 0; 0 is a tie, not a win) in 2 of 5 trials with delay, 3 of 5 without
    expect(s.probabilityBuildWins).toBe(0.4);
    expect(s.probabilityBuildWinsExclDelay).toBe(0.6);
    // Mean 0.4; squared deviations 1.96 + 2.56 + 11.56 + 12.96 + 0.16 = 29.2; variance 29.2 / 4 = 7.3;
    // standard error sqrt(7.3) / sqrt(5) = sqrt(1.46)
    expect(s.standardErrorOfMeanDifference).toBeCloseTo(Math.sqrt(1.46), 12);
    // An output no trial priced is null; the others are summarized
    expect(s.outputs.usefulCostBuild).toBeNull();
    expect(s.outputs.differenceWithDelay?.mean).toBeCloseTo(0.4, 12);
  });
});

describe("expected cost per useful GPU-hour", () => {
  it("is total cost over total useful hours, a trial delivering nothing adding its cost only", () => {
    // Given three trials: cost 100 for 50 useful hours (ratio 2), cost 300 for 100 (ratio 3), cost 60 for 0
    const run = handRun(
      3,
      [],
      { usefulCostBuild: [2, 3, NaN] },
      {
        totalCostBuild: [100, 300, 60],
        usefulHoursBuild: [50, 100, 0],
        totalCostRent: [10, 10, 10],
        usefulHoursRent: [0, 0, 0],
      }
    );
    const s = summarize(run);
    // Then build: (100 + 300 + 60) / (50 + 100 + 0) = 460 / 150 = 3.0667, while the mean of the priced
    // ratios is (2 + 3) / 2 = 2.5
    expect(s.expectedUsefulCost.build).toBeCloseTo(460 / 150, 12);
    expect(s.outputs.usefulCostBuild?.mean).toBeCloseTo(2.5, 12);
    // And rent, with no useful hour in any trial, has none
    expect(s.expectedUsefulCost.rent).toBeNull();
  });
});

describe("driversOfWorst", () => {
  // 100 trials; the driver takes each of 0..99 once (in a shuffled order), the outcome is 1,000 x the driver
  const n = 100;
  const random = createRandom(17);
  const driver = Array.from({ length: n }, (_, t) => t);
  for (let i = n - 1; i > 0; i--) {
    const j = random.nextUint32() % (i + 1);
    [driver[i], driver[j]] = [driver[j], driver[i]];
  }
  const noise = Array.from({ length: n }, () => random.next());
  // The shift of 0..99 when the worst 10 % are its top ten values 90..99, by hand: their mean 94.5, the mean
  // of all 49.5, sample standard deviation sqrt(n (n + 1) / 12) = sqrt(100 x 101 / 12) = 29.0115
  const shift = (94.5 - 49.5) / Math.sqrt((100 * 101) / 12);

  it("puts the input that decides the outcome first, with a positive shift", () => {
    // Given noise listed before the driver, the driver's mirror (-driver) after it, and a constant input
    const run = handRun(
      n,
      [
        ["pue", noise],
        ["rentRate", driver],
        ["rentPriceChange", driver.map((x) => -x)],
        ["goodput", new Float64Array(n).fill(0.9)],
      ],
      { differenceWithDelay: driver.map((x) => 1000 * x) }
    );
    const drivers = driversOfWorst(run);
    // Then the driver leads (+1.5511), its mirror is next (-1.5511, a tie kept in catalog order), then the
    // noise; the constant input has no spread and is left out
    expect(drivers.map((d) => d.key)).toEqual(["rentRate", "rentPriceChange", "pue"]);
    expect(drivers[0].shiftInWorst).toBeCloseTo(shift, 10);
    expect(drivers[1].shiftInWorst).toBeCloseTo(-shift, 10);
    expect(Math.abs(drivers[2].shiftInWorst)).toBeLessThan(shift);
  });

  it("breaks ties in the outcome by trial number", () => {
    // Given an outcome equal in every trial and an input equal to the trial number
    const ordered = Array.from({ length: n }, (_, t) => t);
    const run = handRun(n, [["rentRate", ordered]], {
      differenceWithDelay: new Float64Array(n).fill(5),
    });
    // Then the worst ten are trials 0..9 (mean 4.5): shift (4.5 - 49.5) / 29.0115 = -shift
    expect(driversOfWorst(run)[0].shiftInWorst).toBeCloseTo(-shift, 10);
  });
});
