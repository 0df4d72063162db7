import { OperationNames } from './operation-names';

describe('operation names as labels', () => {
  it('when an operation has no name, it is labelled anonymous', () => {
    expect(new OperationNames().label(null)).toBe('anonymous');
    expect(new OperationNames().label('')).toBe('anonymous');
  });

  it("when a subgraph serves a query plan's fetch, it is labelled with the client's operation", () => {
    expect(new OperationNames().label('MyWallet__events__1')).toBe('MyWallet');
  });

  it('when a name is not a GraphQL name, it is labelled invalid', () => {
    expect(new OperationNames().label('drop table;')).toBe('invalid');
  });

  it('when more distinct names arrive than the bound, the later ones are labelled other', () => {
    const names = new OperationNames(2);
    expect([names.label('A'), names.label('B'), names.label('C'), names.label('A')]).toEqual([
      'A',
      'B',
      'other',
      'A',
    ]);
  });
});
