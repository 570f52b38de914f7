import { describe, expect, it } from 'vitest';
import {
  codedUnemployed,
  flaggedUnregistered,
  registrationStands,
  unemploymentCodes,
} from './registration-flag.ts';

describe('registration flag', () => {
  const day = '2026-11-20';

  it('flags a person coded unemployed without a registration', () => {
    expect(flaggedUnregistered({ code: 'unemployed_no_benefit', registrations: [], day })).toBe(true);
  });

  it('does not flag a registered person', () => {
    const registrations = [{ registeredOn: '2026-10-01', endedOn: null }];
    expect(flaggedUnregistered({ code: 'unemployed_no_benefit', registrations, day })).toBe(false);
  });

  it('flags when the registration has ended or not yet begun', () => {
    expect(
      flaggedUnregistered({
        code: 'unemployed_awaiting_benefit',
        registrations: [
          { registeredOn: '2026-01-01', endedOn: '2026-11-19' },
          { registeredOn: '2026-11-21', endedOn: null },
        ],
        day,
      }),
    ).toBe(true);
    expect(registrationStands({ registeredOn: '2026-01-01', endedOn: '2026-11-20' }, day)).toBe(true);
  });

  it('does not flag other reason codes or no code', () => {
    expect(flaggedUnregistered({ code: 'sick_with_certificate', registrations: [], day })).toBe(false);
    expect(flaggedUnregistered({ code: null, registrations: [], day })).toBe(false);
    expect(codedUnemployed('unemployed_establishment_benefit', '2026-11')).toBe(true);
  });

  it('lists the unemployment codes in force', () => {
    expect(unemploymentCodes('2026-11')).toHaveLength(4);
  });
});
