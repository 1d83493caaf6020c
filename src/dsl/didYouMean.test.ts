import { didYouMean, suggestionList } from './didYouMean';

describe('suggestionList', () => {
  it('finds typos, transpositions and case differences, best first', () => {
    expect(suggestionList('vistied', ['visited', 'submitted', 'event'])).toEqual(['visited']);
    expect(suggestionList('employes', ['employees', 'email'])).toEqual(['employees']);
    expect(suggestionList('TITLE', ['title', 'titles'])).toEqual(['title', 'titles']);
    expect(suggestionList('sql', ['SQL', 'MQL', 'Customer'])).toEqual(['SQL', 'MQL']);
  });

  it('suggests nothing far away or identical', () => {
    expect(suggestionList('zzz', ['visited'])).toEqual([]);
    expect(suggestionList('title', ['title'])).toEqual([]);
    expect(suggestionList('', ['a'])).toEqual(['a']);
  });
});

describe('didYouMean', () => {
  it('phrases zero, one and several suggestions', () => {
    expect(didYouMean('zzz', ['visited'])).toBe('');
    expect(didYouMean('vistied', ['visited'])).toBe(' Did you mean "visited"?');
    expect(didYouMean('ab', ['aa', 'ac', 'ad'])).toBe(' Did you mean "aa", "ac" or "ad"?');
  });

  it('lists at most five', () => {
    expect(didYouMean('a', ['b', 'c', 'd', 'e', 'f', 'g'])).toBe(' Did you mean "b", "c", "d", "e" or "f"?');
  });
});
