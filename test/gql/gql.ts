/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query ApolloOrganizationsPage($first: Int!, $after: String) {\n    organizations(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          name\n          slug\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.ApolloOrganizationsPageDocument,
    "\n  mutation ApolloCreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      organization {\n        id\n        name\n        slug\n      }\n      userErrors {\n        message\n        field\n        code\n      }\n    }\n  }\n": typeof types.ApolloCreateOrganizationDocument,
    "\n  mutation ApolloUpdateOrganization($input: UpdateOrganizationInput!) {\n    updateOrganization(input: $input) {\n      organization {\n        id\n        name\n      }\n      userErrors {\n        message\n        code\n      }\n    }\n  }\n": typeof types.ApolloUpdateOrganizationDocument,
    "\n  query Names {\n    organizations(first: 3) {\n      edges {\n        node {\n          name\n        }\n      }\n    }\n  }\n": typeof types.NamesDocument,
    "\n  query IsolationList {\n    organizations(first: 3) {\n      edges {\n        node {\n          name\n        }\n      }\n    }\n  }\n": typeof types.IsolationListDocument,
    "\n  query IsolationNodes($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      id\n    }\n  }\n": typeof types.IsolationNodesDocument,
    "\n  query LifecycleNames {\n    organizations(first: 2) {\n      edges {\n        node {\n          name\n        }\n      }\n    }\n  }\n": typeof types.LifecycleNamesDocument,
    "\n  query ObservedSecrets {\n    organizations(first: 5) {\n      edges {\n        node {\n          name\n          jwtSecret\n        }\n      }\n    }\n  }\n": typeof types.ObservedSecretsDocument,
    "\n  mutation CreateCore($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      organization {\n        id\n        upstreamId\n        name\n        slug\n        onboardingStatus\n        embedAllowedOrigins\n      }\n      userErrors {\n        message\n        field\n        code\n      }\n    }\n  }\n": typeof types.CreateCoreDocument,
    "\n  mutation CreateFull($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      organization {\n        name\n        insightsFrequency\n        defaultDashboardAccessLevel\n        jwtSecret\n      }\n      userErrors {\n        code\n      }\n    }\n  }\n": typeof types.CreateFullDocument,
    "\n  mutation CreateScheduleIfAsked($input: CreateOrganizationInput!, $withSchedule: Boolean!) {\n    createOrganization(input: $input) {\n      organization {\n        ...NameAndSchedule\n      }\n    }\n  }\n  fragment NameAndSchedule on Organization {\n    name\n    insightsFrequency @include(if: $withSchedule)\n  }\n": typeof types.CreateScheduleIfAskedDocument,
    "\n  mutation Update($input: UpdateOrganizationInput!) {\n    updateOrganization(input: $input) {\n      organization {\n        id\n        name\n        customAiContext\n        fullEmbedEnabled\n      }\n      userErrors {\n        message\n        field\n        code\n      }\n    }\n  }\n": typeof types.UpdateDocument,
    "\n  query AdminAndMemberOrgs {\n    organizations(first: 100) {\n      edges {\n        node {\n          id\n          upstreamId\n          name\n          jwtSecret\n        }\n      }\n    }\n  }\n": typeof types.AdminAndMemberOrgsDocument,
    "\n  query FirstPage($first: Int, $after: String) {\n    organizations(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          upstreamId\n          name\n          slug\n          customAiContext\n          onboardingStatus\n          fullEmbedEnabled\n          embedAllowedOrigins\n          isBillable\n          insightsEnabled\n          insightsFrequency\n          insightsPreferredDayOfWeek\n          insightsPreferredDayOfMonth\n          allowOnDemandAiUsage\n          aiUsageOverageLimitCents\n          defaultDashboardAccessAudience\n          defaultDashboardAccessLevel\n          defaultChatAccessAudience\n          defaultChatAccessLevel\n          defaultAutomationAccessAudience\n          defaultAutomationAccessLevel\n          trialEndsAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n    }\n  }\n": typeof types.FirstPageDocument,
    "\n  query PageIds($first: Int, $after: String, $last: Int, $before: String) {\n    organizations(first: $first, after: $after, last: $last, before: $before) {\n      edges {\n        node {\n          upstreamId\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.PageIdsDocument,
    "\n  query Secrets($withSecret: Boolean!) {\n    organizations(first: 100) {\n      edges {\n        node {\n          upstreamId\n          ...SecretFields @include(if: $withSecret)\n        }\n      }\n    }\n  }\n  fragment SecretFields on Organization {\n    jwtSecret\n  }\n": typeof types.SecretsDocument,
    "\n  query OrganizationById($id: ID!) {\n    organization(id: $id) {\n      id\n      upstreamId\n      name\n      insightsFrequency\n    }\n  }\n": typeof types.OrganizationByIdDocument,
    "\n  query NodesByIds($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      id\n      ... on Organization {\n        upstreamId\n        slug\n      }\n    }\n  }\n": typeof types.NodesByIdsDocument,
    "\n  query ListThenNode($id: ID!) {\n    organizations(first: 5) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n    node(id: $id) {\n      ... on Organization {\n        name\n        defaultChatAccessLevel\n      }\n    }\n  }\n": typeof types.ListThenNodeDocument,
    "\n  query ProcessPage($first: Int!, $after: String) {\n    organizations(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          upstreamId\n          name\n          trialEndsAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.ProcessPageDocument,
    "\n  query ProcessOne($id: ID!) {\n    organization(id: $id) {\n      name\n    }\n  }\n": typeof types.ProcessOneDocument,
    "\n  mutation ProcessCreate($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      organization {\n        upstreamId\n        name\n        insightsFrequency\n      }\n      userErrors {\n        code\n      }\n    }\n  }\n": typeof types.ProcessCreateDocument,
    "\n  query SerialMemberOrganizations {\n    organizations(first: 1) {\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n": typeof types.SerialMemberOrganizationsDocument,
    "\n  query SerialOthers {\n    organizations(first: 2) {\n      edges {\n        node {\n          name\n        }\n      }\n    }\n  }\n": typeof types.SerialOthersDocument,
    "\n  query FaultNames {\n    organizations(first: 3) {\n      edges {\n        node {\n          name\n        }\n      }\n    }\n  }\n": typeof types.FaultNamesDocument,
    "\n  mutation FaultCreate($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      organization {\n        name\n      }\n      userErrors {\n        code\n      }\n    }\n  }\n": typeof types.FaultCreateDocument,
    "\n  query FaultAllSecrets {\n    organizations(first: 100) {\n      edges {\n        node {\n          upstreamId\n          jwtSecret\n        }\n      }\n    }\n  }\n": typeof types.FaultAllSecretsDocument,
    "\n  mutation FaultUpdate($input: UpdateOrganizationInput!) {\n    updateOrganization(input: $input) {\n      organization {\n        name\n      }\n      userErrors {\n        code\n      }\n    }\n  }\n": typeof types.FaultUpdateDocument,
    "\n  query FaultSecrets($id: ID!) {\n    organizations(first: 5) {\n      edges {\n        node {\n          upstreamId\n          name\n          jwtSecret\n        }\n      }\n    }\n    organization(id: $id) {\n      upstreamId\n      name\n      jwtSecret\n    }\n  }\n": typeof types.FaultSecretsDocument,
};
const documents: Documents = {
    "\n  query ApolloOrganizationsPage($first: Int!, $after: String) {\n    organizations(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          name\n          slug\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.ApolloOrganizationsPageDocument,
    "\n  mutation ApolloCreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      organization {\n        id\n        name\n        slug\n      }\n      userErrors {\n        message\n        field\n        code\n      }\n    }\n  }\n": types.ApolloCreateOrganizationDocument,
    "\n  mutation ApolloUpdateOrganization($input: UpdateOrganizationInput!) {\n    updateOrganization(input: $input) {\n      organization {\n        id\n        name\n      }\n      userErrors {\n        message\n        code\n      }\n    }\n  }\n": types.ApolloUpdateOrganizationDocument,
    "\n  query Names {\n    organizations(first: 3) {\n      edges {\n        node {\n          name\n        }\n      }\n    }\n  }\n": types.NamesDocument,
    "\n  query IsolationList {\n    organizations(first: 3) {\n      edges {\n        node {\n          name\n        }\n      }\n    }\n  }\n": types.IsolationListDocument,
    "\n  query IsolationNodes($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      id\n    }\n  }\n": types.IsolationNodesDocument,
    "\n  query LifecycleNames {\n    organizations(first: 2) {\n      edges {\n        node {\n          name\n        }\n      }\n    }\n  }\n": types.LifecycleNamesDocument,
    "\n  query ObservedSecrets {\n    organizations(first: 5) {\n      edges {\n        node {\n          name\n          jwtSecret\n        }\n      }\n    }\n  }\n": types.ObservedSecretsDocument,
    "\n  mutation CreateCore($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      organization {\n        id\n        upstreamId\n        name\n        slug\n        onboardingStatus\n        embedAllowedOrigins\n      }\n      userErrors {\n        message\n        field\n        code\n      }\n    }\n  }\n": types.CreateCoreDocument,
    "\n  mutation CreateFull($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      organization {\n        name\n        insightsFrequency\n        defaultDashboardAccessLevel\n        jwtSecret\n      }\n      userErrors {\n        code\n      }\n    }\n  }\n": types.CreateFullDocument,
    "\n  mutation CreateScheduleIfAsked($input: CreateOrganizationInput!, $withSchedule: Boolean!) {\n    createOrganization(input: $input) {\n      organization {\n        ...NameAndSchedule\n      }\n    }\n  }\n  fragment NameAndSchedule on Organization {\n    name\n    insightsFrequency @include(if: $withSchedule)\n  }\n": types.CreateScheduleIfAskedDocument,
    "\n  mutation Update($input: UpdateOrganizationInput!) {\n    updateOrganization(input: $input) {\n      organization {\n        id\n        name\n        customAiContext\n        fullEmbedEnabled\n      }\n      userErrors {\n        message\n        field\n        code\n      }\n    }\n  }\n": types.UpdateDocument,
    "\n  query AdminAndMemberOrgs {\n    organizations(first: 100) {\n      edges {\n        node {\n          id\n          upstreamId\n          name\n          jwtSecret\n        }\n      }\n    }\n  }\n": types.AdminAndMemberOrgsDocument,
    "\n  query FirstPage($first: Int, $after: String) {\n    organizations(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          upstreamId\n          name\n          slug\n          customAiContext\n          onboardingStatus\n          fullEmbedEnabled\n          embedAllowedOrigins\n          isBillable\n          insightsEnabled\n          insightsFrequency\n          insightsPreferredDayOfWeek\n          insightsPreferredDayOfMonth\n          allowOnDemandAiUsage\n          aiUsageOverageLimitCents\n          defaultDashboardAccessAudience\n          defaultDashboardAccessLevel\n          defaultChatAccessAudience\n          defaultChatAccessLevel\n          defaultAutomationAccessAudience\n          defaultAutomationAccessLevel\n          trialEndsAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n    }\n  }\n": types.FirstPageDocument,
    "\n  query PageIds($first: Int, $after: String, $last: Int, $before: String) {\n    organizations(first: $first, after: $after, last: $last, before: $before) {\n      edges {\n        node {\n          upstreamId\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.PageIdsDocument,
    "\n  query Secrets($withSecret: Boolean!) {\n    organizations(first: 100) {\n      edges {\n        node {\n          upstreamId\n          ...SecretFields @include(if: $withSecret)\n        }\n      }\n    }\n  }\n  fragment SecretFields on Organization {\n    jwtSecret\n  }\n": types.SecretsDocument,
    "\n  query OrganizationById($id: ID!) {\n    organization(id: $id) {\n      id\n      upstreamId\n      name\n      insightsFrequency\n    }\n  }\n": types.OrganizationByIdDocument,
    "\n  query NodesByIds($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      id\n      ... on Organization {\n        upstreamId\n        slug\n      }\n    }\n  }\n": types.NodesByIdsDocument,
    "\n  query ListThenNode($id: ID!) {\n    organizations(first: 5) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n    node(id: $id) {\n      ... on Organization {\n        name\n        defaultChatAccessLevel\n      }\n    }\n  }\n": types.ListThenNodeDocument,
    "\n  query ProcessPage($first: Int!, $after: String) {\n    organizations(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          upstreamId\n          name\n          trialEndsAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.ProcessPageDocument,
    "\n  query ProcessOne($id: ID!) {\n    organization(id: $id) {\n      name\n    }\n  }\n": types.ProcessOneDocument,
    "\n  mutation ProcessCreate($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      organization {\n        upstreamId\n        name\n        insightsFrequency\n      }\n      userErrors {\n        code\n      }\n    }\n  }\n": types.ProcessCreateDocument,
    "\n  query SerialMemberOrganizations {\n    organizations(first: 1) {\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n": types.SerialMemberOrganizationsDocument,
    "\n  query SerialOthers {\n    organizations(first: 2) {\n      edges {\n        node {\n          name\n        }\n      }\n    }\n  }\n": types.SerialOthersDocument,
    "\n  query FaultNames {\n    organizations(first: 3) {\n      edges {\n        node {\n          name\n        }\n      }\n    }\n  }\n": types.FaultNamesDocument,
    "\n  mutation FaultCreate($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      organization {\n        name\n      }\n      userErrors {\n        code\n      }\n    }\n  }\n": types.FaultCreateDocument,
    "\n  query FaultAllSecrets {\n    organizations(first: 100) {\n      edges {\n        node {\n          upstreamId\n          jwtSecret\n        }\n      }\n    }\n  }\n": types.FaultAllSecretsDocument,
    "\n  mutation FaultUpdate($input: UpdateOrganizationInput!) {\n    updateOrganization(input: $input) {\n      organization {\n        name\n      }\n      userErrors {\n        code\n      }\n    }\n  }\n": types.FaultUpdateDocument,
    "\n  query FaultSecrets($id: ID!) {\n    organizations(first: 5) {\n      edges {\n        node {\n          upstreamId\n          name\n          jwtSecret\n        }\n      }\n    }\n    organization(id: $id) {\n      upstreamId\n      name\n      jwtSecret\n    }\n  }\n": types.FaultSecretsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApolloOrganizationsPage($first: Int!, $after: String) {\n    organizations(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          name\n          slug\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query ApolloOrganizationsPage($first: Int!, $after: String) {\n    organizations(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          name\n          slug\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApolloCreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      organization {\n        id\n        name\n        slug\n      }\n      userErrors {\n        message\n        field\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ApolloCreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      organization {\n        id\n        name\n        slug\n      }\n      userErrors {\n        message\n        field\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApolloUpdateOrganization($input: UpdateOrganizationInput!) {\n    updateOrganization(input: $input) {\n      organization {\n        id\n        name\n      }\n      userErrors {\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ApolloUpdateOrganization($input: UpdateOrganizationInput!) {\n    updateOrganization(input: $input) {\n      organization {\n        id\n        name\n      }\n      userErrors {\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Names {\n    organizations(first: 3) {\n      edges {\n        node {\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Names {\n    organizations(first: 3) {\n      edges {\n        node {\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IsolationList {\n    organizations(first: 3) {\n      edges {\n        node {\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query IsolationList {\n    organizations(first: 3) {\n      edges {\n        node {\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IsolationNodes($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      id\n    }\n  }\n"): (typeof documents)["\n  query IsolationNodes($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LifecycleNames {\n    organizations(first: 2) {\n      edges {\n        node {\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query LifecycleNames {\n    organizations(first: 2) {\n      edges {\n        node {\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ObservedSecrets {\n    organizations(first: 5) {\n      edges {\n        node {\n          name\n          jwtSecret\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ObservedSecrets {\n    organizations(first: 5) {\n      edges {\n        node {\n          name\n          jwtSecret\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCore($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      organization {\n        id\n        upstreamId\n        name\n        slug\n        onboardingStatus\n        embedAllowedOrigins\n      }\n      userErrors {\n        message\n        field\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateCore($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      organization {\n        id\n        upstreamId\n        name\n        slug\n        onboardingStatus\n        embedAllowedOrigins\n      }\n      userErrors {\n        message\n        field\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateFull($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      organization {\n        name\n        insightsFrequency\n        defaultDashboardAccessLevel\n        jwtSecret\n      }\n      userErrors {\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateFull($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      organization {\n        name\n        insightsFrequency\n        defaultDashboardAccessLevel\n        jwtSecret\n      }\n      userErrors {\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateScheduleIfAsked($input: CreateOrganizationInput!, $withSchedule: Boolean!) {\n    createOrganization(input: $input) {\n      organization {\n        ...NameAndSchedule\n      }\n    }\n  }\n  fragment NameAndSchedule on Organization {\n    name\n    insightsFrequency @include(if: $withSchedule)\n  }\n"): (typeof documents)["\n  mutation CreateScheduleIfAsked($input: CreateOrganizationInput!, $withSchedule: Boolean!) {\n    createOrganization(input: $input) {\n      organization {\n        ...NameAndSchedule\n      }\n    }\n  }\n  fragment NameAndSchedule on Organization {\n    name\n    insightsFrequency @include(if: $withSchedule)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Update($input: UpdateOrganizationInput!) {\n    updateOrganization(input: $input) {\n      organization {\n        id\n        name\n        customAiContext\n        fullEmbedEnabled\n      }\n      userErrors {\n        message\n        field\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Update($input: UpdateOrganizationInput!) {\n    updateOrganization(input: $input) {\n      organization {\n        id\n        name\n        customAiContext\n        fullEmbedEnabled\n      }\n      userErrors {\n        message\n        field\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminAndMemberOrgs {\n    organizations(first: 100) {\n      edges {\n        node {\n          id\n          upstreamId\n          name\n          jwtSecret\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminAndMemberOrgs {\n    organizations(first: 100) {\n      edges {\n        node {\n          id\n          upstreamId\n          name\n          jwtSecret\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FirstPage($first: Int, $after: String) {\n    organizations(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          upstreamId\n          name\n          slug\n          customAiContext\n          onboardingStatus\n          fullEmbedEnabled\n          embedAllowedOrigins\n          isBillable\n          insightsEnabled\n          insightsFrequency\n          insightsPreferredDayOfWeek\n          insightsPreferredDayOfMonth\n          allowOnDemandAiUsage\n          aiUsageOverageLimitCents\n          defaultDashboardAccessAudience\n          defaultDashboardAccessLevel\n          defaultChatAccessAudience\n          defaultChatAccessLevel\n          defaultAutomationAccessAudience\n          defaultAutomationAccessLevel\n          trialEndsAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query FirstPage($first: Int, $after: String) {\n    organizations(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          upstreamId\n          name\n          slug\n          customAiContext\n          onboardingStatus\n          fullEmbedEnabled\n          embedAllowedOrigins\n          isBillable\n          insightsEnabled\n          insightsFrequency\n          insightsPreferredDayOfWeek\n          insightsPreferredDayOfMonth\n          allowOnDemandAiUsage\n          aiUsageOverageLimitCents\n          defaultDashboardAccessAudience\n          defaultDashboardAccessLevel\n          defaultChatAccessAudience\n          defaultChatAccessLevel\n          defaultAutomationAccessAudience\n          defaultAutomationAccessLevel\n          trialEndsAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PageIds($first: Int, $after: String, $last: Int, $before: String) {\n    organizations(first: $first, after: $after, last: $last, before: $before) {\n      edges {\n        node {\n          upstreamId\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query PageIds($first: Int, $after: String, $last: Int, $before: String) {\n    organizations(first: $first, after: $after, last: $last, before: $before) {\n      edges {\n        node {\n          upstreamId\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Secrets($withSecret: Boolean!) {\n    organizations(first: 100) {\n      edges {\n        node {\n          upstreamId\n          ...SecretFields @include(if: $withSecret)\n        }\n      }\n    }\n  }\n  fragment SecretFields on Organization {\n    jwtSecret\n  }\n"): (typeof documents)["\n  query Secrets($withSecret: Boolean!) {\n    organizations(first: 100) {\n      edges {\n        node {\n          upstreamId\n          ...SecretFields @include(if: $withSecret)\n        }\n      }\n    }\n  }\n  fragment SecretFields on Organization {\n    jwtSecret\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizationById($id: ID!) {\n    organization(id: $id) {\n      id\n      upstreamId\n      name\n      insightsFrequency\n    }\n  }\n"): (typeof documents)["\n  query OrganizationById($id: ID!) {\n    organization(id: $id) {\n      id\n      upstreamId\n      name\n      insightsFrequency\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NodesByIds($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      id\n      ... on Organization {\n        upstreamId\n        slug\n      }\n    }\n  }\n"): (typeof documents)["\n  query NodesByIds($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      id\n      ... on Organization {\n        upstreamId\n        slug\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ListThenNode($id: ID!) {\n    organizations(first: 5) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n    node(id: $id) {\n      ... on Organization {\n        name\n        defaultChatAccessLevel\n      }\n    }\n  }\n"): (typeof documents)["\n  query ListThenNode($id: ID!) {\n    organizations(first: 5) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n    node(id: $id) {\n      ... on Organization {\n        name\n        defaultChatAccessLevel\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProcessPage($first: Int!, $after: String) {\n    organizations(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          upstreamId\n          name\n          trialEndsAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query ProcessPage($first: Int!, $after: String) {\n    organizations(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          upstreamId\n          name\n          trialEndsAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProcessOne($id: ID!) {\n    organization(id: $id) {\n      name\n    }\n  }\n"): (typeof documents)["\n  query ProcessOne($id: ID!) {\n    organization(id: $id) {\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ProcessCreate($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      organization {\n        upstreamId\n        name\n        insightsFrequency\n      }\n      userErrors {\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ProcessCreate($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      organization {\n        upstreamId\n        name\n        insightsFrequency\n      }\n      userErrors {\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SerialMemberOrganizations {\n    organizations(first: 1) {\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SerialMemberOrganizations {\n    organizations(first: 1) {\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SerialOthers {\n    organizations(first: 2) {\n      edges {\n        node {\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SerialOthers {\n    organizations(first: 2) {\n      edges {\n        node {\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FaultNames {\n    organizations(first: 3) {\n      edges {\n        node {\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query FaultNames {\n    organizations(first: 3) {\n      edges {\n        node {\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FaultCreate($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      organization {\n        name\n      }\n      userErrors {\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation FaultCreate($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      organization {\n        name\n      }\n      userErrors {\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FaultAllSecrets {\n    organizations(first: 100) {\n      edges {\n        node {\n          upstreamId\n          jwtSecret\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query FaultAllSecrets {\n    organizations(first: 100) {\n      edges {\n        node {\n          upstreamId\n          jwtSecret\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FaultUpdate($input: UpdateOrganizationInput!) {\n    updateOrganization(input: $input) {\n      organization {\n        name\n      }\n      userErrors {\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation FaultUpdate($input: UpdateOrganizationInput!) {\n    updateOrganization(input: $input) {\n      organization {\n        name\n      }\n      userErrors {\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FaultSecrets($id: ID!) {\n    organizations(first: 5) {\n      edges {\n        node {\n          upstreamId\n          name\n          jwtSecret\n        }\n      }\n    }\n    organization(id: $id) {\n      upstreamId\n      name\n      jwtSecret\n    }\n  }\n"): (typeof documents)["\n  query FaultSecrets($id: ID!) {\n    organizations(first: 5) {\n      edges {\n        node {\n          upstreamId\n          name\n          jwtSecret\n        }\n      }\n    }\n    organization(id: $id) {\n      upstreamId\n      name\n      jwtSecret\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;