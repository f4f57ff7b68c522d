import {
  lostHoursPerYear,
  OUTAGE_HOURS_PER_YEAR_DEFAULT,
  OUTAGES_PER_YEAR_DEFAULT,
  powerAvailability,
  RESTART_HOURS_PER_OUTAGE_DEFAULT,
  usefulShare,
} from "../../../../src/model/finance";
import { expectModelError } from "../../../support/model/finance/fixtures";

describe("sourced defaults", () => {
  it("outage hours are SAIDI 366.6 min in hours", () => {
    // Then 366.6 / 60 = 6.11 h (power.grid.saidi_us_with_major_events)
    expect(OUTAGE_HOURS_PER_YEAR_DEFAULT).toBeCloseTo(6.11, 12);
  });

  it("outages per year are SAIFI 1.35", () => {
    // Then 1.35 (power.grid.saifi_us_with_major_events)
    expect(OUTAGES_PER_YEAR_DEFAULT).toBe(1.35);
  });

  it("restart work comes from Llama 3", () => {
    // Then 0.1 x 54 x 24 / 466 = 129.6 / 466 = 0.278111… h
    expect(RESTART_HOURS_PER_OUTAGE_DEFAULT).toBeCloseTo(0.278_111_588, 8);
  });
});

describe("usefulShare", () => {
  it("multiplies the three shares", () => {
    // Given availability 0.99, goodput 0.9, productive utilization 0.8
    // Then 0.99 x 0.9 x 0.8 = 0.7128
    expect(usefulShare(0.99, 0.9, 0.8)).toBeCloseTo(0.7128, 12);
  });

  it("rejects a share above 1", () => {
    // When goodput is 1.1
    // Then a range error names goodput
    expectModelError(() => usefulShare(1, 1.1, 1), "goodput", "range");
  });
});

describe("powerAvailability", () => {
  it("loses outage and restart hours without backup", () => {
    // Given 10 h of outages in 2 outages, 0.5 h restart each, no backup
    // Then lost = 1 x (10 + 2 x 0.5) = 11 h; availability = 1 - 11 / 8760 = 0.998744…
    expect(lostHoursPerYear(10, 2, 0.5, 0)).toBeCloseTo(11, 12);
    expect(powerAvailability(10, 2, 0.5, 0)).toBeCloseTo(0.998_744_292, 9);
  });

  it("covers part of the average outage with backup", () => {
    // Given the same with 2 h of backup (average outage 5 h)
    // Then uncovered = 1 - 2/5 = 0.6; lost = 0.6 x 11 = 6.6 h
    expect(lostHoursPerYear(10, 2, 0.5, 2)).toBeCloseTo(6.6, 12);
  });

  it("loses nothing when backup outlasts the average outage", () => {
    // Given 5 h of backup against a 5 h average outage
    // Then availability is 1
    expect(powerAvailability(10, 2, 0.5, 5)).toBe(1);
  });

  it("at the US defaults without backup", () => {
    // Given 6.11 h, 1.35 outages, 0.278112 h restart
    // Then lost = 6.11 + 1.35 x 0.278112 = 6.485451 h; availability = 1 - 6.485451 / 8760 = 0.9992597
    expect(
      powerAvailability(
        OUTAGE_HOURS_PER_YEAR_DEFAULT,
        OUTAGES_PER_YEAR_DEFAULT,
        RESTART_HOURS_PER_OUTAGE_DEFAULT,
        0
      )
    ).toBeCloseTo(0.999_259_65, 7);
  });

  it("clamps at 0", () => {
    // Given more outage hours than a year has
    // Then availability is 0
    expect(powerAvailability(9000, 1, 0, 0)).toBe(0);
  });

  it("rejects outage hours without outages", () => {
    // When outages = 0 but hours > 0
    // Then a range error names outagesPerYear
    expectModelError(() => powerAvailability(5, 0, 0, 0), "outagesPerYear", "range");
  });
});
