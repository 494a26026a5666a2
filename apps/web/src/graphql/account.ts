/** Staff accounts (the /beheer/accounts page), setting a password from a mailed link, and changing it. */

import type { ResultOf } from "@graphql-typed-document-node/core";
import { graphql } from "./generated";

/** What the accounts page shows of one account. */
export const STAFF_ACCOUNT_FIELDS = graphql(`
  fragment StaffAccountFields on StaffAccount {
    id
    name
    email
    role
    locale
    hasPassword
    deactivatedAt
  }
`);

/** Staff accounts by name, filtered by part of the name or e-mail address, a page at a time. */
export const STAFF_ACCOUNTS = graphql(`
  query StaffAccounts($search: String, $first: Int!, $after: String) {
    staffAccounts(search: $search, first: $first, after: $after) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        node {
          ...StaffAccountFields
        }
      }
    }
  }
`);

/** Creates an account; the person is mailed a link to choose their password. */
export const CREATE_STAFF_ACCOUNT = graphql(`
  mutation CreateStaffAccount($input: CreateStaffAccountInput!) {
    createStaffAccount(input: $input) {
      ...StaffAccountFields
    }
  }
`);

/** Ends an account's access at once. */
export const DEACTIVATE_ACCOUNT = graphql(`
  mutation DeactivateAccount($personId: ID!) {
    deactivateAccount(personId: $personId) {
      ...StaffAccountFields
    }
  }
`);

/** Lets a deactivated account log in again. */
export const REACTIVATE_ACCOUNT = graphql(`
  mutation ReactivateAccount($personId: ID!) {
    reactivateAccount(personId: $personId) {
      ...StaffAccountFields
    }
  }
`);

/** Whether a mailed set-password link still works, asked without using it up. */
export const PASSWORD_LINK_STATUS = graphql(`
  query PasswordLinkStatus($token: String!) {
    passwordLinkStatus(token: $token)
  }
`);

/** Sets a password with the token from a mailed link. */
export const SET_PASSWORD = graphql(`
  mutation SetPassword($token: String!, $password: String!) {
    setPassword(token: $token, password: $password)
  }
`);

/** Changes the logged-in staff member's password. */
export const CHANGE_PASSWORD = graphql(`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
  }
`);

/** Asks for a reset link; the answer is the same whether or not the address is known. */
export const REQUEST_PASSWORD_RESET = graphql(`
  mutation RequestPasswordReset($email: String!) {
    requestPasswordReset(email: $email)
  }
`);

/** One account as the page shows it. */
export type StaffAccountItem = ResultOf<typeof STAFF_ACCOUNT_FIELDS>;
