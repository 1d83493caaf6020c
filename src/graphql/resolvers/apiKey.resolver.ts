import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../context';
import { ApiKeyType, CreatedApiKeyType } from '../types/apiKey.type';

@Resolver()
export class ApiKeyResolver {
  @Authorized('admin')
  @Query(() => [ApiKeyType], { description: "The workspace's API keys (never the keys themselves)." })
  apiKeys(@Ctx() ctx: GraphQLContext) {
    return ctx.services.apiKeys.listKeys(ctx.workspaceId);
  }

  @Authorized('admin')
  @Mutation(() => CreatedApiKeyType, { description: 'Creates a key with a role (admin, writer, reader); the key is shown this once.' })
  createApiKey(@Arg('name', () => String) name: string, @Arg('role', () => String) role: string, @Ctx() ctx: GraphQLContext) {
    return ctx.services.apiKeys.createKey(ctx.workspaceId, name, role);
  }

  @Authorized('admin')
  @Mutation(() => ApiKeyType, { description: 'Revokes a key at once, open subscriptions included.' })
  revokeApiKey(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext) {
    return ctx.services.apiKeys.revokeKey(ctx.workspaceId, id);
  }
}
