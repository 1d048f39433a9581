import { describe, expect, it } from 'vitest';
import { view } from '../../src/engine';
import { describeDeal } from '../../src/ui/describe';
import { dealText } from '../../src/ai/bots/explain';
import { newGame } from '../helpers';

describe('a jointly funded deal in words', () => {
  const g = newGame('words', 'micronesia', undefined, { opening: true });
  const v = view(g, 'KIR');
  const deal = {
    kind: 'cable' as const,
    route: ['pohnpei', 'tofol', 'yaren', 'bairiki'],
    vendor: 'nec',
    financing: { kind: 'grant' as const, by: 'canberra' as const },
    cofunders: [
      { kind: 'grant' as const, by: 'washington' as const, sharePct: 20 },
      { kind: 'loan' as const, by: 'worldBank' as const, sharePct: 30, ratePct: 1, years: 30, graceYears: 8 },
    ],
    buildMonths: 24,
    stationOperator: 'island' as const,
    dataAccess: false,
    exclusivity: false,
  };

  it('the offers panel and the composer name every funder and its share, with no internal ids', () => {
    const text = describeDeal(v, deal);
    expect(text).toMatch(/Funded jointly: Canberra 50% \(grant\), Washington 20% \(grant\), the World Bank 30% \(loan at 1%\)\./);
    expect(text).not.toMatch(/worldBank/);
  });

  it('the bots\' reasons name them too', () => {
    expect(dealText(v, deal)).toMatch(/funded jointly: Canberra 50% \(grant\), Washington 20% \(grant\), the World Bank 30% \(loan at 1%\)/);
  });

  it('a deal with one funder reads as before', () => {
    expect(describeDeal(v, { ...deal, cofunders: undefined })).not.toMatch(/jointly/);
  });
});
