import { FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { LeadConnectionType } from '../types/connection.type';

/** totalCount costs a count over the filter, so it runs only when a client selects it. */
@Resolver(() => LeadConnectionType)
export class LeadConnectionResolver {
  @FieldResolver(() => Int)
  totalCount(@Root() connection: { totalCount: () => Promise<number> }): Promise<number> {
    return connection.totalCount();
  }
}
