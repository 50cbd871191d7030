import { describe, expect, it } from 'vitest';
import { clusterOrStatus, clusterRank, isClusterLabel, shareAbove, shareAtLeast, sharesEqual } from '../../src/core/cluster';

describe('share comparisons', () => {
  it('treats shares within floating-point noise as equal', () => {
    expect(shareAtLeast(0.7 - 0.4, 0.3)).toBe(true); // 0.29999999999999993
    expect(shareAtLeast(0.299, 0.3)).toBe(false);
    expect(shareAbove(0.1 + 0.4, 0.5)).toBe(false);
    expect(shareAbove(0.501, 0.5)).toBe(true);
    expect(sharesEqual(3 / 10, 0.7 - 0.4)).toBe(true);
    expect(sharesEqual(0.3, 0.31)).toBe(false);
  });
});

describe('cluster ranks', () => {
  it('orders сильно above умеренно above базово and knows the clusters from the statuses', () => {
    expect(clusterRank('сильно неуспевающие')).toBe(3);
    expect(clusterRank('умеренно неуспевающие')).toBe(2);
    expect(clusterRank('базово неуспевающие')).toBe(1);
    expect(isClusterLabel('базово неуспевающие')).toBe(true);
    expect(isClusterLabel('не ШНОР')).toBe(false);
    expect(isClusterLabel('нет данных')).toBe(false);
  });
});

describe('clusterOrStatus', () => {
  it('shows the cluster of a ШНОР and the status of any other school', () => {
    expect(clusterOrStatus({ status: 'ШНОР', cluster: 'сильно неуспевающие' })).toBe('сильно неуспевающие');
    expect(clusterOrStatus({ status: 'не ШНОР', cluster: null })).toBe('не ШНОР');
    expect(clusterOrStatus({ status: 'нет данных', cluster: null })).toBe('нет данных');
  });

  it('refuses a ШНОР without a cluster, which only a bug can produce', () => {
    expect(() => clusterOrStatus({ status: 'ШНОР', cluster: null })).toThrow();
  });
});
