import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed clients from the committed schema (`npm run codegen`): write operations in `examples/**\/*.graphql`
 * or `gql` tags and get typed documents in `generated/`.
 */
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['examples/**/*.graphql'],
  ignoreNoDocuments: true,
  generates: {
    'generated/': {
      preset: 'client',
      presetConfig: { gqlTagName: 'gql' },
      config: { useTypeImports: true, enumsAsTypes: true },
    },
  },
};
export default config;
