// What the GraphQL layer logs of a failed request, and what the client sees of it: an internal
// error is logged once with its cause, code, request id and operation, and answered with the code
// and a generic message; a client's mistake is answered and not logged.
import { HeaderMap } from '@apollo/server';
import { GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../config.ts';
import type { Context } from '../../context/index.ts';
import { badInput } from '../../errors/index.ts';
import { createApolloServer } from '../apolloServer.ts';

const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      boom: {
        type: GraphQLString,
        resolve: () => {
          throw new Error('Invalid input: MATCH (n:Enterprise RETURN n');
        },
      },
      bad: {
        type: GraphQLString,
        resolve: () => {
          throw badInput('id', 'id must be a firm’s id');
        },
      },
    },
  }),
});

describe('GraphQL errors', () => {
  it('logs an internal error with code, request id and operation; the client gets neither Cypher nor a stack', async () => {
    const logged: unknown[] = [];
    const apollo = createApolloServer(schema, readConfig({}), (e) => logged.push(e));
    await apollo.start();
    try {
      const res = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: {
          method: 'POST',
          headers: new HeaderMap([
            ['content-type', 'application/json'],
            ['x-request-id', 'req-7'],
          ]),
          search: '',
          body: { query: 'query Both { boom bad }' },
        },
        context: async () => ({}) as Context,
      });
      const body = res.body.kind === 'complete' ? res.body.string : '';
      const errors = (JSON.parse(body) as { errors: { message: string; extensions: { code: string } }[] }).errors;
      expect(errors.map((e) => e.extensions.code).sort()).toEqual(['BAD_USER_INPUT', 'INTERNAL']);
      expect(body).not.toMatch(/MATCH|\bat\s/);
      expect(logged).toHaveLength(1);
      expect(logged[0]).toMatchObject({ code: 'INTERNAL', reqId: 'req-7', operation: 'Both' });
      expect(String((logged[0] as { err: Error }).err.message)).toMatch(/MATCH \(n:Enterprise/);
    } finally {
      await apollo.stop();
    }
  });
});
