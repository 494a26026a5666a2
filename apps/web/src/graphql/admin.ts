/** The administration tables (the /beheer page): four searched, paged lists and their edits. */

import { graphql } from "./generated";

/** A page of students. */
export const ADMIN_STUDENTS = graphql(`
  query AdminStudents($search: String, $first: Int!, $after: String) {
    adminStudents(search: $search, first: $first, after: $after) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        node {
          id
          studentNumber
          name
          email
          crebo
          programmeName
          level
          cohort
          leerweg
        }
      }
    }
  }
`);

/** A page of placements. */
export const ADMIN_PLACEMENTS = graphql(`
  query AdminPlacements($search: String, $first: Int!, $after: String) {
    adminPlacements(search: $search, first: $first, after: $after) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        node {
          id
          studentNumber
          studentName
          companyName
          trainerName
          begeleiderName
          begeleiderEmail
          startDate
          endDate
          hoursPerWeek
          pokNumber
          pokStudentSignedAt
          pokSchoolSignedAt
          pokCompanySignedAt
        }
      }
    }
  }
`);

/** A page of companies. */
export const ADMIN_COMPANIES = graphql(`
  query AdminCompanies($search: String, $first: Int!, $after: String) {
    adminCompanies(search: $search, first: $first, after: $after) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        node {
          id
          name
          city
          sbbNumber
          placementCount
        }
      }
    }
  }
`);

/** A page of praktijkopleiders. */
export const ADMIN_TRAINERS = graphql(`
  query AdminTrainers($search: String, $first: Int!, $after: String) {
    adminTrainers(search: $search, first: $first, after: $after) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        node {
          id
          name
          email
          companyName
        }
      }
    }
  }
`);

/** Saves a student; refused fields come back in `errors`. */
export const UPDATE_STUDENT = graphql(`
  mutation UpdateStudent($input: UpdateStudentInput!) {
    updateStudent(input: $input) {
      node {
        id
        studentNumber
        name
        email
        crebo
        programmeName
        level
        cohort
        leerweg
      }
      errors {
        field
        code
        params {
          name
          value
        }
        message
      }
    }
  }
`);

/** Saves a placement; refused fields come back in `errors`. */
export const UPDATE_PLACEMENT = graphql(`
  mutation UpdatePlacement($input: UpdatePlacementInput!) {
    updatePlacement(input: $input) {
      node {
        id
        studentNumber
        studentName
        companyName
        trainerName
        begeleiderName
        begeleiderEmail
        startDate
        endDate
        hoursPerWeek
        pokNumber
        pokStudentSignedAt
        pokSchoolSignedAt
        pokCompanySignedAt
      }
      errors {
        field
        code
        params {
          name
          value
        }
        message
      }
    }
  }
`);

/** Saves a company; refused fields come back in `errors`. */
export const UPDATE_COMPANY = graphql(`
  mutation UpdateCompany($input: UpdateCompanyInput!) {
    updateCompany(input: $input) {
      node {
        id
        name
        city
        sbbNumber
        placementCount
      }
      errors {
        field
        code
        params {
          name
          value
        }
        message
      }
    }
  }
`);

/** Saves a praktijkopleider; refused fields come back in `errors`. */
export const UPDATE_TRAINER = graphql(`
  mutation UpdateTrainer($input: UpdateTrainerInput!) {
    updateTrainer(input: $input) {
      node {
        id
        name
        email
        companyName
      }
      errors {
        field
        code
        params {
          name
          value
        }
        message
      }
    }
  }
`);
