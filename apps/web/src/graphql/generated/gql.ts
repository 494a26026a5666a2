/* eslint-disable */
import * as types from './graphql';
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
    "\n  fragment StaffAccountFields on StaffAccount {\n    id\n    name\n    email\n    role\n    locale\n    hasPassword\n    deactivatedAt\n  }\n": typeof types.StaffAccountFieldsFragmentDoc,
    "\n  query StaffAccounts($search: String, $first: Int!, $after: String) {\n    staffAccounts(search: $search, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields\n      }\n      edges {\n        node {\n          ...StaffAccountFields\n        }\n      }\n    }\n  }\n": typeof types.StaffAccountsDocument,
    "\n  mutation CreateStaffAccount($input: CreateStaffAccountInput!) {\n    createStaffAccount(input: $input) {\n      ...StaffAccountFields\n    }\n  }\n": typeof types.CreateStaffAccountDocument,
    "\n  mutation DeactivateAccount($personId: ID!) {\n    deactivateAccount(personId: $personId) {\n      ...StaffAccountFields\n    }\n  }\n": typeof types.DeactivateAccountDocument,
    "\n  mutation ReactivateAccount($personId: ID!) {\n    reactivateAccount(personId: $personId) {\n      ...StaffAccountFields\n    }\n  }\n": typeof types.ReactivateAccountDocument,
    "\n  mutation SetPassword($token: String!, $password: String!) {\n    setPassword(token: $token, password: $password)\n  }\n": typeof types.SetPasswordDocument,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n": typeof types.ChangePasswordDocument,
    "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n": typeof types.RequestPasswordResetDocument,
    "\n  query AdminStudents($search: String, $first: Int!, $after: String) {\n    adminStudents(search: $search, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields\n      }\n      edges {\n        node {\n          id\n          studentNumber\n          name\n          email\n          crebo\n          programmeName\n          level\n          cohort\n          leerweg\n        }\n      }\n    }\n  }\n": typeof types.AdminStudentsDocument,
    "\n  query AdminPlacements($search: String, $first: Int!, $after: String) {\n    adminPlacements(search: $search, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields\n      }\n      edges {\n        node {\n          id\n          studentNumber\n          studentName\n          companyName\n          trainerName\n          begeleiderName\n          begeleiderEmail\n          startDate\n          endDate\n          hoursPerWeek\n          pokNumber\n          pokStudentSignedAt\n          pokSchoolSignedAt\n          pokCompanySignedAt\n        }\n      }\n    }\n  }\n": typeof types.AdminPlacementsDocument,
    "\n  query AdminCompanies($search: String, $first: Int!, $after: String) {\n    adminCompanies(search: $search, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields\n      }\n      edges {\n        node {\n          id\n          name\n          city\n          sbbNumber\n          placementCount\n        }\n      }\n    }\n  }\n": typeof types.AdminCompaniesDocument,
    "\n  query AdminTrainers($search: String, $first: Int!, $after: String) {\n    adminTrainers(search: $search, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields\n      }\n      edges {\n        node {\n          id\n          name\n          email\n          companyName\n        }\n      }\n    }\n  }\n": typeof types.AdminTrainersDocument,
    "\n  mutation UpdateStudent($input: UpdateStudentInput!) {\n    updateStudent(input: $input) {\n      node {\n        id\n        studentNumber\n        name\n        email\n        crebo\n        programmeName\n        level\n        cohort\n        leerweg\n      }\n      errors {\n        field\n        message\n      }\n    }\n  }\n": typeof types.UpdateStudentDocument,
    "\n  mutation UpdatePlacement($input: UpdatePlacementInput!) {\n    updatePlacement(input: $input) {\n      node {\n        id\n        studentNumber\n        studentName\n        companyName\n        trainerName\n        begeleiderName\n        begeleiderEmail\n        startDate\n        endDate\n        hoursPerWeek\n        pokNumber\n        pokStudentSignedAt\n        pokSchoolSignedAt\n        pokCompanySignedAt\n      }\n      errors {\n        field\n        message\n      }\n    }\n  }\n": typeof types.UpdatePlacementDocument,
    "\n  mutation UpdateCompany($input: UpdateCompanyInput!) {\n    updateCompany(input: $input) {\n      node {\n        id\n        name\n        city\n        sbbNumber\n        placementCount\n      }\n      errors {\n        field\n        message\n      }\n    }\n  }\n": typeof types.UpdateCompanyDocument,
    "\n  mutation UpdateTrainer($input: UpdateTrainerInput!) {\n    updateTrainer(input: $input) {\n      node {\n        id\n        name\n        email\n        companyName\n      }\n      errors {\n        field\n        message\n      }\n    }\n  }\n": typeof types.UpdateTrainerDocument,
    "\n  query MailOutbox($first: Int!, $after: String, $status: MailStatus) {\n    mailOutbox(first: $first, after: $after, status: $status) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields\n      }\n      edges {\n        node {\n          id\n          kind\n          to\n          subject\n          status\n          attempts\n          lastError\n          createdAt\n          sentAt\n          nextAttemptAt\n        }\n      }\n    }\n  }\n": typeof types.MailOutboxDocument,
    "\n  query PlacementConversations($id: ID!) {\n    conversation(id: $id) {\n      id\n      scheduledAt\n      mode\n      placement {\n        id\n        conversations {\n          id\n          status\n          scheduledAt\n        }\n      }\n    }\n  }\n": typeof types.PlacementConversationsDocument,
    "\n  mutation ScheduleNextConversation(\n    $placementId: ID!\n    $scheduledAt: DateTimeISO!\n    $mode: ConversationMode!\n  ) {\n    scheduleConversation(\n      input: { placementId: $placementId, scheduledAt: $scheduledAt, mode: $mode }\n    ) {\n      conversation {\n        id\n        scheduledAt\n      }\n    }\n  }\n": typeof types.ScheduleNextConversationDocument,
    "\n  fragment PageInfoFields on PageInfo {\n    hasNextPage\n    endCursor\n  }\n": typeof types.PageInfoFieldsFragmentDoc,
    "\n  fragment PersonFields on Person {\n    id\n    name\n    role\n  }\n": typeof types.PersonFieldsFragmentDoc,
    "\n  fragment ConversationFields on Conversation {\n    id\n    status\n    mode\n    scheduledAt\n    phase\n    section\n    phaseStartedAt\n    startedAt\n    endedAt\n    myRole\n    participants {\n      role\n      person {\n        ...PersonFields\n      }\n    }\n    placement {\n      id\n      companyName\n      startDate\n      endDate\n      programme {\n        id\n        crebo\n        name\n      }\n      pokCheck {\n        isValid\n        problems\n        messages\n      }\n      student {\n        ...PersonFields\n      }\n    }\n  }\n": typeof types.ConversationFieldsFragmentDoc,
    "\n  fragment AuthFields on AuthPayload {\n    accessToken\n    role\n    conversationId\n    expiresAt\n    person {\n      ...PersonFields\n    }\n  }\n": typeof types.AuthFieldsFragmentDoc,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      ...AuthFields\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation JoinWithInvite($token: String!) {\n    joinWithInvite(token: $token) {\n      ...AuthFields\n    }\n  }\n": typeof types.JoinWithInviteDocument,
    "\n  query MyConversations {\n    conversations {\n      id\n      status\n      mode\n      scheduledAt\n      myRole\n      placement {\n        id\n        companyName\n        student {\n          ...PersonFields\n        }\n      }\n    }\n  }\n": typeof types.MyConversationsDocument,
    "\n  query Conversation($id: ID!) {\n    conversation(id: $id) {\n      ...ConversationFields\n      previousAgreements {\n        id\n        text\n        owner\n        dueDate\n        status\n      }\n    }\n  }\n": typeof types.ConversationDocument,
    "\n  query Guide($locale: String!) {\n    guide(locale: $locale) {\n      key\n      title\n      plannedMinutes\n      goal\n      sections {\n        key\n        title\n        goal\n        tip\n        exampleQuestions\n      }\n    }\n  }\n": typeof types.GuideDocument,
    "\n  subscription ConversationChanged($conversationId: ID!) {\n    conversationChanged(conversationId: $conversationId) {\n      conversationId\n      kinds\n      phase\n      section\n      startedAt\n      sectionStartedAt\n      status\n      version\n    }\n  }\n": typeof types.ConversationChangedDocument,
    "\n  mutation StartConversation($conversationId: ID!) {\n    startConversation(conversationId: $conversationId) {\n      ...ConversationFields\n    }\n  }\n": typeof types.StartConversationDocument,
    "\n  mutation AdvancePhase($conversationId: ID!) {\n    advancePhase(conversationId: $conversationId) {\n      ...ConversationFields\n    }\n  }\n": typeof types.AdvancePhaseDocument,
    "\n  mutation ReturnToPreviousPhase($conversationId: ID!) {\n    returnToPreviousPhase(conversationId: $conversationId) {\n      ...ConversationFields\n    }\n  }\n": typeof types.ReturnToPreviousPhaseDocument,
    "\n  mutation MoveToSection($conversationId: ID!, $section: String!) {\n    moveToSection(conversationId: $conversationId, section: $section) {\n      ...ConversationFields\n    }\n  }\n": typeof types.MoveToSectionDocument,
    "\n  fragment PlanningInviteFields on InviteLink {\n    url\n    person {\n      id\n      name\n    }\n    invite {\n      id\n      role\n      expiresAt\n      revokedAt\n      lastUsedAt\n      lastMail {\n        kind\n        status\n        sentAt\n        lastError\n      }\n    }\n  }\n": typeof types.PlanningInviteFieldsFragmentDoc,
    "\n  query PlanningPlacements {\n    placements {\n      id\n      startDate\n      endDate\n      companyName\n      student {\n        id\n        name\n      }\n      pokCheck {\n        isValid\n        messages\n      }\n      frequency {\n        periodStart\n        periodEnd\n        required\n        held\n        missed\n        isOverdue\n        nextDueDate\n      }\n      conversations {\n        id\n        scheduledAt\n        status\n        mode\n        durationMinutes\n        location\n        onlineUrl\n        invites {\n          ...PlanningInviteFields\n        }\n      }\n    }\n  }\n": typeof types.PlanningPlacementsDocument,
    "\n  mutation ScheduleConversation($input: ScheduleConversationInput!) {\n    scheduleConversation(input: $input) {\n      conversation {\n        id\n        scheduledAt\n      }\n    }\n  }\n": typeof types.ScheduleConversationDocument,
    "\n  mutation MoveConversation(\n    $conversationId: ID!\n    $startsAt: DateTimeISO!\n    $durationMinutes: Int!\n    $mode: ConversationMode\n    $location: String\n    $onlineUrl: String\n  ) {\n    moveConversation(\n      conversationId: $conversationId\n      startsAt: $startsAt\n      durationMinutes: $durationMinutes\n      mode: $mode\n      location: $location\n      onlineUrl: $onlineUrl\n    ) {\n      id\n      scheduledAt\n      durationMinutes\n      mode\n      location\n      onlineUrl\n    }\n  }\n": typeof types.MoveConversationDocument,
    "\n  mutation CancelConversation($conversationId: ID!, $reason: String) {\n    cancelConversation(conversationId: $conversationId, reason: $reason) {\n      id\n    }\n  }\n": typeof types.CancelConversationDocument,
    "\n  mutation ResendInvite($inviteId: ID!) {\n    resendInvite(inviteId: $inviteId) {\n      ...PlanningInviteFields\n    }\n  }\n": typeof types.ResendInviteDocument,
    "\n  mutation ReissueInvite($inviteId: ID!) {\n    reissueInvite(inviteId: $inviteId) {\n      ...PlanningInviteFields\n    }\n  }\n": typeof types.ReissueInviteDocument,
    "\n    query StaffPlacements {\n      staffDirectory {\n        id\n        companyName\n        student {\n          id\n          name\n        }\n        enrolment {\n          id\n          cohort\n        }\n        programme {\n          id\n          crebo\n          name\n        }\n        begeleider {\n          id\n          name\n        }\n        conversations {\n          id\n          scheduledAt\n          status\n        }\n      }\n    }\n  ": typeof types.StaffPlacementsDocument,
    "\n  query OverdueConversations {\n    overdueConversations {\n      studentName\n      placement {\n        id\n      }\n      frequency {\n        periodStart\n        periodEnd\n        required\n        held\n        missed\n        nextDueDate\n      }\n    }\n  }\n": typeof types.OverdueConversationsDocument,
    "\n    query PokIssues($withinDays: Int!) {\n      pokIssues(withinDays: $withinDays) {\n        studentName\n        placement {\n          id\n        }\n        isValid\n        problems\n        expiresSoon\n        pokEndDate\n      }\n    }\n  ": typeof types.PokIssuesDocument,
    "\n  query ConclusionsOverTime {\n    conclusionsOverTime {\n      conversationId\n      studentId\n      studentName\n      date\n      conclusion\n      score\n      studentConclusion\n    }\n  }\n": typeof types.ConclusionsOverTimeDocument,
    "\n  query ConclusionDistribution($groupBy: ConclusionGrouping!) {\n    conclusionDistribution(groupBy: $groupBy) {\n      group\n      voor\n      opSchema\n      achter\n    }\n  }\n": typeof types.ConclusionDistributionDocument,
    "\n  query OverdueAgreements {\n    overdueAgreements {\n      studentName\n      daysOverdue\n      agreement {\n        id\n        conversationId\n        text\n        owner\n        dueDate\n        status\n      }\n    }\n  }\n": typeof types.OverdueAgreementsDocument,
    "\n  query NotEnteredConversations {\n    notEnteredConversations {\n      conversationId\n      placementId\n      studentName\n      begeleiderName\n      scheduledAt\n      signedAt\n    }\n  }\n": typeof types.NotEnteredConversationsDocument,
    "\n  fragment StaffParticularFields on Particular {\n    id\n    text\n    createdAt\n    handledAt\n    createdBy {\n      id\n      name\n    }\n    conversation {\n      id\n      placement {\n        id\n        student {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.StaffParticularFieldsFragmentDoc,
    "\n  query Particulars($handled: Boolean) {\n    particulars(handled: $handled) {\n      ...StaffParticularFields\n    }\n  }\n": typeof types.ParticularsDocument,
    "\n  mutation MarkParticularHandled($particularId: ID!) {\n    markParticularHandled(particularId: $particularId) {\n      ...StaffParticularFields\n    }\n  }\n": typeof types.MarkParticularHandledDocument,
    "\n  mutation ImportRoster($csv: String!, $dryRun: Boolean!) {\n    importRoster(csv: $csv, dryRun: $dryRun) {\n      dryRun\n      committed\n      rows\n      created\n      updated\n      unchanged\n      delimiter\n      ignoredColumns\n      errors {\n        row\n        column\n        message\n      }\n      rowResults {\n        row\n        action\n        studentNumber\n        studentName\n        startDate\n        companyName\n        changes\n      }\n      missing {\n        placementId\n        studentNumber\n        studentName\n        startDate\n        companyName\n      }\n    }\n  }\n": typeof types.ImportRosterDocument,
    "\n  fragment SignoffConclusionFields on Conversation {\n    id\n    status\n    conclusion\n    conclusionMotivation\n    studentConclusion\n    studentMotivation\n  }\n": typeof types.SignoffConclusionFieldsFragmentDoc,
    "\n  fragment SignoffArchiveFields on Conversation {\n    id\n    studentSystemEnteredAt\n    studentSystemEnteredBy {\n      id\n      name\n    }\n    noParticularsAt\n    particulars {\n      id\n      text\n      createdAt\n      handledAt\n      createdBy {\n        id\n        name\n      }\n    }\n  }\n": typeof types.SignoffArchiveFieldsFragmentDoc,
    "\n  query Signoff($id: ID!) {\n    conversation(id: $id) {\n      ...SignoffConclusionFields\n      phase\n      endedAt\n      signedAt\n      recordHash\n      record {\n        hash\n        json\n        isLocked\n      }\n      signatures {\n        isValid\n        person {\n          id\n          name\n          role\n        }\n        signature {\n          id\n          role\n          method\n          contentHash\n          signedAt\n          voidedAt\n          voidReason\n        }\n      }\n      nextConversationProposal\n      ...SignoffArchiveFields\n    }\n  }\n": typeof types.SignoffDocument,
    "\n  mutation SetConclusion($conversationId: ID!, $conclusion: Conclusion!, $motivation: String) {\n    setConclusion(conversationId: $conversationId, conclusion: $conclusion, motivation: $motivation) {\n      ...SignoffConclusionFields\n    }\n  }\n": typeof types.SetConclusionDocument,
    "\n  mutation SetStudentConclusion($conversationId: ID!, $conclusion: Conclusion!, $motivation: String) {\n    setStudentConclusion(\n      conversationId: $conversationId\n      conclusion: $conclusion\n      motivation: $motivation\n    ) {\n      ...SignoffConclusionFields\n    }\n  }\n": typeof types.SetStudentConclusionDocument,
    "\n  mutation SignConversation($conversationId: ID!, $contentHash: String!) {\n    signConversation(conversationId: $conversationId, contentHash: $contentHash) {\n      id\n      status\n      recordHash\n      signedAt\n    }\n  }\n": typeof types.SignConversationDocument,
    "\n  mutation RecordPaperSignatures($conversationId: ID!) {\n    recordPaperSignatures(conversationId: $conversationId) {\n      id\n      status\n      recordHash\n      signedAt\n    }\n  }\n": typeof types.RecordPaperSignaturesDocument,
    "\n  mutation EndConversation($conversationId: ID!) {\n    endConversation(conversationId: $conversationId) {\n      id\n      status\n      phase\n      section\n      endedAt\n      nextConversationProposal\n    }\n  }\n": typeof types.EndConversationDocument,
    "\n  mutation MarkEnteredInStudentSystem($conversationId: ID!) {\n    markEnteredInStudentSystem(conversationId: $conversationId) {\n      ...SignoffArchiveFields\n    }\n  }\n": typeof types.MarkEnteredInStudentSystemDocument,
    "\n  mutation SetNoParticulars($conversationId: ID!, $noParticulars: Boolean!) {\n    setNoParticulars(conversationId: $conversationId, noParticulars: $noParticulars) {\n      ...SignoffArchiveFields\n    }\n  }\n": typeof types.SetNoParticularsDocument,
    "\n  mutation FlagParticular($conversationId: ID!, $text: String!) {\n    flagParticular(conversationId: $conversationId, text: $text) {\n      id\n      text\n      createdAt\n    }\n  }\n": typeof types.FlagParticularDocument,
    "\n  query VerifyRecord($conversationId: ID!) {\n    verifyRecord(conversationId: $conversationId) {\n      isLocked\n      storedHash\n      computedHash\n      isIntact\n      signaturesMatch\n    }\n  }\n": typeof types.VerifyRecordDocument,
};
const documents: Documents = {
    "\n  fragment StaffAccountFields on StaffAccount {\n    id\n    name\n    email\n    role\n    locale\n    hasPassword\n    deactivatedAt\n  }\n": types.StaffAccountFieldsFragmentDoc,
    "\n  query StaffAccounts($search: String, $first: Int!, $after: String) {\n    staffAccounts(search: $search, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields\n      }\n      edges {\n        node {\n          ...StaffAccountFields\n        }\n      }\n    }\n  }\n": types.StaffAccountsDocument,
    "\n  mutation CreateStaffAccount($input: CreateStaffAccountInput!) {\n    createStaffAccount(input: $input) {\n      ...StaffAccountFields\n    }\n  }\n": types.CreateStaffAccountDocument,
    "\n  mutation DeactivateAccount($personId: ID!) {\n    deactivateAccount(personId: $personId) {\n      ...StaffAccountFields\n    }\n  }\n": types.DeactivateAccountDocument,
    "\n  mutation ReactivateAccount($personId: ID!) {\n    reactivateAccount(personId: $personId) {\n      ...StaffAccountFields\n    }\n  }\n": types.ReactivateAccountDocument,
    "\n  mutation SetPassword($token: String!, $password: String!) {\n    setPassword(token: $token, password: $password)\n  }\n": types.SetPasswordDocument,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n": types.ChangePasswordDocument,
    "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n": types.RequestPasswordResetDocument,
    "\n  query AdminStudents($search: String, $first: Int!, $after: String) {\n    adminStudents(search: $search, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields\n      }\n      edges {\n        node {\n          id\n          studentNumber\n          name\n          email\n          crebo\n          programmeName\n          level\n          cohort\n          leerweg\n        }\n      }\n    }\n  }\n": types.AdminStudentsDocument,
    "\n  query AdminPlacements($search: String, $first: Int!, $after: String) {\n    adminPlacements(search: $search, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields\n      }\n      edges {\n        node {\n          id\n          studentNumber\n          studentName\n          companyName\n          trainerName\n          begeleiderName\n          begeleiderEmail\n          startDate\n          endDate\n          hoursPerWeek\n          pokNumber\n          pokStudentSignedAt\n          pokSchoolSignedAt\n          pokCompanySignedAt\n        }\n      }\n    }\n  }\n": types.AdminPlacementsDocument,
    "\n  query AdminCompanies($search: String, $first: Int!, $after: String) {\n    adminCompanies(search: $search, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields\n      }\n      edges {\n        node {\n          id\n          name\n          city\n          sbbNumber\n          placementCount\n        }\n      }\n    }\n  }\n": types.AdminCompaniesDocument,
    "\n  query AdminTrainers($search: String, $first: Int!, $after: String) {\n    adminTrainers(search: $search, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields\n      }\n      edges {\n        node {\n          id\n          name\n          email\n          companyName\n        }\n      }\n    }\n  }\n": types.AdminTrainersDocument,
    "\n  mutation UpdateStudent($input: UpdateStudentInput!) {\n    updateStudent(input: $input) {\n      node {\n        id\n        studentNumber\n        name\n        email\n        crebo\n        programmeName\n        level\n        cohort\n        leerweg\n      }\n      errors {\n        field\n        message\n      }\n    }\n  }\n": types.UpdateStudentDocument,
    "\n  mutation UpdatePlacement($input: UpdatePlacementInput!) {\n    updatePlacement(input: $input) {\n      node {\n        id\n        studentNumber\n        studentName\n        companyName\n        trainerName\n        begeleiderName\n        begeleiderEmail\n        startDate\n        endDate\n        hoursPerWeek\n        pokNumber\n        pokStudentSignedAt\n        pokSchoolSignedAt\n        pokCompanySignedAt\n      }\n      errors {\n        field\n        message\n      }\n    }\n  }\n": types.UpdatePlacementDocument,
    "\n  mutation UpdateCompany($input: UpdateCompanyInput!) {\n    updateCompany(input: $input) {\n      node {\n        id\n        name\n        city\n        sbbNumber\n        placementCount\n      }\n      errors {\n        field\n        message\n      }\n    }\n  }\n": types.UpdateCompanyDocument,
    "\n  mutation UpdateTrainer($input: UpdateTrainerInput!) {\n    updateTrainer(input: $input) {\n      node {\n        id\n        name\n        email\n        companyName\n      }\n      errors {\n        field\n        message\n      }\n    }\n  }\n": types.UpdateTrainerDocument,
    "\n  query MailOutbox($first: Int!, $after: String, $status: MailStatus) {\n    mailOutbox(first: $first, after: $after, status: $status) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields\n      }\n      edges {\n        node {\n          id\n          kind\n          to\n          subject\n          status\n          attempts\n          lastError\n          createdAt\n          sentAt\n          nextAttemptAt\n        }\n      }\n    }\n  }\n": types.MailOutboxDocument,
    "\n  query PlacementConversations($id: ID!) {\n    conversation(id: $id) {\n      id\n      scheduledAt\n      mode\n      placement {\n        id\n        conversations {\n          id\n          status\n          scheduledAt\n        }\n      }\n    }\n  }\n": types.PlacementConversationsDocument,
    "\n  mutation ScheduleNextConversation(\n    $placementId: ID!\n    $scheduledAt: DateTimeISO!\n    $mode: ConversationMode!\n  ) {\n    scheduleConversation(\n      input: { placementId: $placementId, scheduledAt: $scheduledAt, mode: $mode }\n    ) {\n      conversation {\n        id\n        scheduledAt\n      }\n    }\n  }\n": types.ScheduleNextConversationDocument,
    "\n  fragment PageInfoFields on PageInfo {\n    hasNextPage\n    endCursor\n  }\n": types.PageInfoFieldsFragmentDoc,
    "\n  fragment PersonFields on Person {\n    id\n    name\n    role\n  }\n": types.PersonFieldsFragmentDoc,
    "\n  fragment ConversationFields on Conversation {\n    id\n    status\n    mode\n    scheduledAt\n    phase\n    section\n    phaseStartedAt\n    startedAt\n    endedAt\n    myRole\n    participants {\n      role\n      person {\n        ...PersonFields\n      }\n    }\n    placement {\n      id\n      companyName\n      startDate\n      endDate\n      programme {\n        id\n        crebo\n        name\n      }\n      pokCheck {\n        isValid\n        problems\n        messages\n      }\n      student {\n        ...PersonFields\n      }\n    }\n  }\n": types.ConversationFieldsFragmentDoc,
    "\n  fragment AuthFields on AuthPayload {\n    accessToken\n    role\n    conversationId\n    expiresAt\n    person {\n      ...PersonFields\n    }\n  }\n": types.AuthFieldsFragmentDoc,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      ...AuthFields\n    }\n  }\n": types.LoginDocument,
    "\n  mutation JoinWithInvite($token: String!) {\n    joinWithInvite(token: $token) {\n      ...AuthFields\n    }\n  }\n": types.JoinWithInviteDocument,
    "\n  query MyConversations {\n    conversations {\n      id\n      status\n      mode\n      scheduledAt\n      myRole\n      placement {\n        id\n        companyName\n        student {\n          ...PersonFields\n        }\n      }\n    }\n  }\n": types.MyConversationsDocument,
    "\n  query Conversation($id: ID!) {\n    conversation(id: $id) {\n      ...ConversationFields\n      previousAgreements {\n        id\n        text\n        owner\n        dueDate\n        status\n      }\n    }\n  }\n": types.ConversationDocument,
    "\n  query Guide($locale: String!) {\n    guide(locale: $locale) {\n      key\n      title\n      plannedMinutes\n      goal\n      sections {\n        key\n        title\n        goal\n        tip\n        exampleQuestions\n      }\n    }\n  }\n": types.GuideDocument,
    "\n  subscription ConversationChanged($conversationId: ID!) {\n    conversationChanged(conversationId: $conversationId) {\n      conversationId\n      kinds\n      phase\n      section\n      startedAt\n      sectionStartedAt\n      status\n      version\n    }\n  }\n": types.ConversationChangedDocument,
    "\n  mutation StartConversation($conversationId: ID!) {\n    startConversation(conversationId: $conversationId) {\n      ...ConversationFields\n    }\n  }\n": types.StartConversationDocument,
    "\n  mutation AdvancePhase($conversationId: ID!) {\n    advancePhase(conversationId: $conversationId) {\n      ...ConversationFields\n    }\n  }\n": types.AdvancePhaseDocument,
    "\n  mutation ReturnToPreviousPhase($conversationId: ID!) {\n    returnToPreviousPhase(conversationId: $conversationId) {\n      ...ConversationFields\n    }\n  }\n": types.ReturnToPreviousPhaseDocument,
    "\n  mutation MoveToSection($conversationId: ID!, $section: String!) {\n    moveToSection(conversationId: $conversationId, section: $section) {\n      ...ConversationFields\n    }\n  }\n": types.MoveToSectionDocument,
    "\n  fragment PlanningInviteFields on InviteLink {\n    url\n    person {\n      id\n      name\n    }\n    invite {\n      id\n      role\n      expiresAt\n      revokedAt\n      lastUsedAt\n      lastMail {\n        kind\n        status\n        sentAt\n        lastError\n      }\n    }\n  }\n": types.PlanningInviteFieldsFragmentDoc,
    "\n  query PlanningPlacements {\n    placements {\n      id\n      startDate\n      endDate\n      companyName\n      student {\n        id\n        name\n      }\n      pokCheck {\n        isValid\n        messages\n      }\n      frequency {\n        periodStart\n        periodEnd\n        required\n        held\n        missed\n        isOverdue\n        nextDueDate\n      }\n      conversations {\n        id\n        scheduledAt\n        status\n        mode\n        durationMinutes\n        location\n        onlineUrl\n        invites {\n          ...PlanningInviteFields\n        }\n      }\n    }\n  }\n": types.PlanningPlacementsDocument,
    "\n  mutation ScheduleConversation($input: ScheduleConversationInput!) {\n    scheduleConversation(input: $input) {\n      conversation {\n        id\n        scheduledAt\n      }\n    }\n  }\n": types.ScheduleConversationDocument,
    "\n  mutation MoveConversation(\n    $conversationId: ID!\n    $startsAt: DateTimeISO!\n    $durationMinutes: Int!\n    $mode: ConversationMode\n    $location: String\n    $onlineUrl: String\n  ) {\n    moveConversation(\n      conversationId: $conversationId\n      startsAt: $startsAt\n      durationMinutes: $durationMinutes\n      mode: $mode\n      location: $location\n      onlineUrl: $onlineUrl\n    ) {\n      id\n      scheduledAt\n      durationMinutes\n      mode\n      location\n      onlineUrl\n    }\n  }\n": types.MoveConversationDocument,
    "\n  mutation CancelConversation($conversationId: ID!, $reason: String) {\n    cancelConversation(conversationId: $conversationId, reason: $reason) {\n      id\n    }\n  }\n": types.CancelConversationDocument,
    "\n  mutation ResendInvite($inviteId: ID!) {\n    resendInvite(inviteId: $inviteId) {\n      ...PlanningInviteFields\n    }\n  }\n": types.ResendInviteDocument,
    "\n  mutation ReissueInvite($inviteId: ID!) {\n    reissueInvite(inviteId: $inviteId) {\n      ...PlanningInviteFields\n    }\n  }\n": types.ReissueInviteDocument,
    "\n    query StaffPlacements {\n      staffDirectory {\n        id\n        companyName\n        student {\n          id\n          name\n        }\n        enrolment {\n          id\n          cohort\n        }\n        programme {\n          id\n          crebo\n          name\n        }\n        begeleider {\n          id\n          name\n        }\n        conversations {\n          id\n          scheduledAt\n          status\n        }\n      }\n    }\n  ": types.StaffPlacementsDocument,
    "\n  query OverdueConversations {\n    overdueConversations {\n      studentName\n      placement {\n        id\n      }\n      frequency {\n        periodStart\n        periodEnd\n        required\n        held\n        missed\n        nextDueDate\n      }\n    }\n  }\n": types.OverdueConversationsDocument,
    "\n    query PokIssues($withinDays: Int!) {\n      pokIssues(withinDays: $withinDays) {\n        studentName\n        placement {\n          id\n        }\n        isValid\n        problems\n        expiresSoon\n        pokEndDate\n      }\n    }\n  ": types.PokIssuesDocument,
    "\n  query ConclusionsOverTime {\n    conclusionsOverTime {\n      conversationId\n      studentId\n      studentName\n      date\n      conclusion\n      score\n      studentConclusion\n    }\n  }\n": types.ConclusionsOverTimeDocument,
    "\n  query ConclusionDistribution($groupBy: ConclusionGrouping!) {\n    conclusionDistribution(groupBy: $groupBy) {\n      group\n      voor\n      opSchema\n      achter\n    }\n  }\n": types.ConclusionDistributionDocument,
    "\n  query OverdueAgreements {\n    overdueAgreements {\n      studentName\n      daysOverdue\n      agreement {\n        id\n        conversationId\n        text\n        owner\n        dueDate\n        status\n      }\n    }\n  }\n": types.OverdueAgreementsDocument,
    "\n  query NotEnteredConversations {\n    notEnteredConversations {\n      conversationId\n      placementId\n      studentName\n      begeleiderName\n      scheduledAt\n      signedAt\n    }\n  }\n": types.NotEnteredConversationsDocument,
    "\n  fragment StaffParticularFields on Particular {\n    id\n    text\n    createdAt\n    handledAt\n    createdBy {\n      id\n      name\n    }\n    conversation {\n      id\n      placement {\n        id\n        student {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.StaffParticularFieldsFragmentDoc,
    "\n  query Particulars($handled: Boolean) {\n    particulars(handled: $handled) {\n      ...StaffParticularFields\n    }\n  }\n": types.ParticularsDocument,
    "\n  mutation MarkParticularHandled($particularId: ID!) {\n    markParticularHandled(particularId: $particularId) {\n      ...StaffParticularFields\n    }\n  }\n": types.MarkParticularHandledDocument,
    "\n  mutation ImportRoster($csv: String!, $dryRun: Boolean!) {\n    importRoster(csv: $csv, dryRun: $dryRun) {\n      dryRun\n      committed\n      rows\n      created\n      updated\n      unchanged\n      delimiter\n      ignoredColumns\n      errors {\n        row\n        column\n        message\n      }\n      rowResults {\n        row\n        action\n        studentNumber\n        studentName\n        startDate\n        companyName\n        changes\n      }\n      missing {\n        placementId\n        studentNumber\n        studentName\n        startDate\n        companyName\n      }\n    }\n  }\n": types.ImportRosterDocument,
    "\n  fragment SignoffConclusionFields on Conversation {\n    id\n    status\n    conclusion\n    conclusionMotivation\n    studentConclusion\n    studentMotivation\n  }\n": types.SignoffConclusionFieldsFragmentDoc,
    "\n  fragment SignoffArchiveFields on Conversation {\n    id\n    studentSystemEnteredAt\n    studentSystemEnteredBy {\n      id\n      name\n    }\n    noParticularsAt\n    particulars {\n      id\n      text\n      createdAt\n      handledAt\n      createdBy {\n        id\n        name\n      }\n    }\n  }\n": types.SignoffArchiveFieldsFragmentDoc,
    "\n  query Signoff($id: ID!) {\n    conversation(id: $id) {\n      ...SignoffConclusionFields\n      phase\n      endedAt\n      signedAt\n      recordHash\n      record {\n        hash\n        json\n        isLocked\n      }\n      signatures {\n        isValid\n        person {\n          id\n          name\n          role\n        }\n        signature {\n          id\n          role\n          method\n          contentHash\n          signedAt\n          voidedAt\n          voidReason\n        }\n      }\n      nextConversationProposal\n      ...SignoffArchiveFields\n    }\n  }\n": types.SignoffDocument,
    "\n  mutation SetConclusion($conversationId: ID!, $conclusion: Conclusion!, $motivation: String) {\n    setConclusion(conversationId: $conversationId, conclusion: $conclusion, motivation: $motivation) {\n      ...SignoffConclusionFields\n    }\n  }\n": types.SetConclusionDocument,
    "\n  mutation SetStudentConclusion($conversationId: ID!, $conclusion: Conclusion!, $motivation: String) {\n    setStudentConclusion(\n      conversationId: $conversationId\n      conclusion: $conclusion\n      motivation: $motivation\n    ) {\n      ...SignoffConclusionFields\n    }\n  }\n": types.SetStudentConclusionDocument,
    "\n  mutation SignConversation($conversationId: ID!, $contentHash: String!) {\n    signConversation(conversationId: $conversationId, contentHash: $contentHash) {\n      id\n      status\n      recordHash\n      signedAt\n    }\n  }\n": types.SignConversationDocument,
    "\n  mutation RecordPaperSignatures($conversationId: ID!) {\n    recordPaperSignatures(conversationId: $conversationId) {\n      id\n      status\n      recordHash\n      signedAt\n    }\n  }\n": types.RecordPaperSignaturesDocument,
    "\n  mutation EndConversation($conversationId: ID!) {\n    endConversation(conversationId: $conversationId) {\n      id\n      status\n      phase\n      section\n      endedAt\n      nextConversationProposal\n    }\n  }\n": types.EndConversationDocument,
    "\n  mutation MarkEnteredInStudentSystem($conversationId: ID!) {\n    markEnteredInStudentSystem(conversationId: $conversationId) {\n      ...SignoffArchiveFields\n    }\n  }\n": types.MarkEnteredInStudentSystemDocument,
    "\n  mutation SetNoParticulars($conversationId: ID!, $noParticulars: Boolean!) {\n    setNoParticulars(conversationId: $conversationId, noParticulars: $noParticulars) {\n      ...SignoffArchiveFields\n    }\n  }\n": types.SetNoParticularsDocument,
    "\n  mutation FlagParticular($conversationId: ID!, $text: String!) {\n    flagParticular(conversationId: $conversationId, text: $text) {\n      id\n      text\n      createdAt\n    }\n  }\n": types.FlagParticularDocument,
    "\n  query VerifyRecord($conversationId: ID!) {\n    verifyRecord(conversationId: $conversationId) {\n      isLocked\n      storedHash\n      computedHash\n      isIntact\n      signaturesMatch\n    }\n  }\n": types.VerifyRecordDocument,
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
export function graphql(source: "\n  fragment StaffAccountFields on StaffAccount {\n    id\n    name\n    email\n    role\n    locale\n    hasPassword\n    deactivatedAt\n  }\n"): (typeof documents)["\n  fragment StaffAccountFields on StaffAccount {\n    id\n    name\n    email\n    role\n    locale\n    hasPassword\n    deactivatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StaffAccounts($search: String, $first: Int!, $after: String) {\n    staffAccounts(search: $search, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields\n      }\n      edges {\n        node {\n          ...StaffAccountFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query StaffAccounts($search: String, $first: Int!, $after: String) {\n    staffAccounts(search: $search, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields\n      }\n      edges {\n        node {\n          ...StaffAccountFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateStaffAccount($input: CreateStaffAccountInput!) {\n    createStaffAccount(input: $input) {\n      ...StaffAccountFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateStaffAccount($input: CreateStaffAccountInput!) {\n    createStaffAccount(input: $input) {\n      ...StaffAccountFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeactivateAccount($personId: ID!) {\n    deactivateAccount(personId: $personId) {\n      ...StaffAccountFields\n    }\n  }\n"): (typeof documents)["\n  mutation DeactivateAccount($personId: ID!) {\n    deactivateAccount(personId: $personId) {\n      ...StaffAccountFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReactivateAccount($personId: ID!) {\n    reactivateAccount(personId: $personId) {\n      ...StaffAccountFields\n    }\n  }\n"): (typeof documents)["\n  mutation ReactivateAccount($personId: ID!) {\n    reactivateAccount(personId: $personId) {\n      ...StaffAccountFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetPassword($token: String!, $password: String!) {\n    setPassword(token: $token, password: $password)\n  }\n"): (typeof documents)["\n  mutation SetPassword($token: String!, $password: String!) {\n    setPassword(token: $token, password: $password)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n"): (typeof documents)["\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n"): (typeof documents)["\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminStudents($search: String, $first: Int!, $after: String) {\n    adminStudents(search: $search, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields\n      }\n      edges {\n        node {\n          id\n          studentNumber\n          name\n          email\n          crebo\n          programmeName\n          level\n          cohort\n          leerweg\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminStudents($search: String, $first: Int!, $after: String) {\n    adminStudents(search: $search, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields\n      }\n      edges {\n        node {\n          id\n          studentNumber\n          name\n          email\n          crebo\n          programmeName\n          level\n          cohort\n          leerweg\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminPlacements($search: String, $first: Int!, $after: String) {\n    adminPlacements(search: $search, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields\n      }\n      edges {\n        node {\n          id\n          studentNumber\n          studentName\n          companyName\n          trainerName\n          begeleiderName\n          begeleiderEmail\n          startDate\n          endDate\n          hoursPerWeek\n          pokNumber\n          pokStudentSignedAt\n          pokSchoolSignedAt\n          pokCompanySignedAt\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminPlacements($search: String, $first: Int!, $after: String) {\n    adminPlacements(search: $search, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields\n      }\n      edges {\n        node {\n          id\n          studentNumber\n          studentName\n          companyName\n          trainerName\n          begeleiderName\n          begeleiderEmail\n          startDate\n          endDate\n          hoursPerWeek\n          pokNumber\n          pokStudentSignedAt\n          pokSchoolSignedAt\n          pokCompanySignedAt\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminCompanies($search: String, $first: Int!, $after: String) {\n    adminCompanies(search: $search, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields\n      }\n      edges {\n        node {\n          id\n          name\n          city\n          sbbNumber\n          placementCount\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminCompanies($search: String, $first: Int!, $after: String) {\n    adminCompanies(search: $search, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields\n      }\n      edges {\n        node {\n          id\n          name\n          city\n          sbbNumber\n          placementCount\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminTrainers($search: String, $first: Int!, $after: String) {\n    adminTrainers(search: $search, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields\n      }\n      edges {\n        node {\n          id\n          name\n          email\n          companyName\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminTrainers($search: String, $first: Int!, $after: String) {\n    adminTrainers(search: $search, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields\n      }\n      edges {\n        node {\n          id\n          name\n          email\n          companyName\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateStudent($input: UpdateStudentInput!) {\n    updateStudent(input: $input) {\n      node {\n        id\n        studentNumber\n        name\n        email\n        crebo\n        programmeName\n        level\n        cohort\n        leerweg\n      }\n      errors {\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateStudent($input: UpdateStudentInput!) {\n    updateStudent(input: $input) {\n      node {\n        id\n        studentNumber\n        name\n        email\n        crebo\n        programmeName\n        level\n        cohort\n        leerweg\n      }\n      errors {\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdatePlacement($input: UpdatePlacementInput!) {\n    updatePlacement(input: $input) {\n      node {\n        id\n        studentNumber\n        studentName\n        companyName\n        trainerName\n        begeleiderName\n        begeleiderEmail\n        startDate\n        endDate\n        hoursPerWeek\n        pokNumber\n        pokStudentSignedAt\n        pokSchoolSignedAt\n        pokCompanySignedAt\n      }\n      errors {\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdatePlacement($input: UpdatePlacementInput!) {\n    updatePlacement(input: $input) {\n      node {\n        id\n        studentNumber\n        studentName\n        companyName\n        trainerName\n        begeleiderName\n        begeleiderEmail\n        startDate\n        endDate\n        hoursPerWeek\n        pokNumber\n        pokStudentSignedAt\n        pokSchoolSignedAt\n        pokCompanySignedAt\n      }\n      errors {\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateCompany($input: UpdateCompanyInput!) {\n    updateCompany(input: $input) {\n      node {\n        id\n        name\n        city\n        sbbNumber\n        placementCount\n      }\n      errors {\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateCompany($input: UpdateCompanyInput!) {\n    updateCompany(input: $input) {\n      node {\n        id\n        name\n        city\n        sbbNumber\n        placementCount\n      }\n      errors {\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateTrainer($input: UpdateTrainerInput!) {\n    updateTrainer(input: $input) {\n      node {\n        id\n        name\n        email\n        companyName\n      }\n      errors {\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateTrainer($input: UpdateTrainerInput!) {\n    updateTrainer(input: $input) {\n      node {\n        id\n        name\n        email\n        companyName\n      }\n      errors {\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MailOutbox($first: Int!, $after: String, $status: MailStatus) {\n    mailOutbox(first: $first, after: $after, status: $status) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields\n      }\n      edges {\n        node {\n          id\n          kind\n          to\n          subject\n          status\n          attempts\n          lastError\n          createdAt\n          sentAt\n          nextAttemptAt\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MailOutbox($first: Int!, $after: String, $status: MailStatus) {\n    mailOutbox(first: $first, after: $after, status: $status) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields\n      }\n      edges {\n        node {\n          id\n          kind\n          to\n          subject\n          status\n          attempts\n          lastError\n          createdAt\n          sentAt\n          nextAttemptAt\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PlacementConversations($id: ID!) {\n    conversation(id: $id) {\n      id\n      scheduledAt\n      mode\n      placement {\n        id\n        conversations {\n          id\n          status\n          scheduledAt\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PlacementConversations($id: ID!) {\n    conversation(id: $id) {\n      id\n      scheduledAt\n      mode\n      placement {\n        id\n        conversations {\n          id\n          status\n          scheduledAt\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ScheduleNextConversation(\n    $placementId: ID!\n    $scheduledAt: DateTimeISO!\n    $mode: ConversationMode!\n  ) {\n    scheduleConversation(\n      input: { placementId: $placementId, scheduledAt: $scheduledAt, mode: $mode }\n    ) {\n      conversation {\n        id\n        scheduledAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ScheduleNextConversation(\n    $placementId: ID!\n    $scheduledAt: DateTimeISO!\n    $mode: ConversationMode!\n  ) {\n    scheduleConversation(\n      input: { placementId: $placementId, scheduledAt: $scheduledAt, mode: $mode }\n    ) {\n      conversation {\n        id\n        scheduledAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PageInfoFields on PageInfo {\n    hasNextPage\n    endCursor\n  }\n"): (typeof documents)["\n  fragment PageInfoFields on PageInfo {\n    hasNextPage\n    endCursor\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PersonFields on Person {\n    id\n    name\n    role\n  }\n"): (typeof documents)["\n  fragment PersonFields on Person {\n    id\n    name\n    role\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ConversationFields on Conversation {\n    id\n    status\n    mode\n    scheduledAt\n    phase\n    section\n    phaseStartedAt\n    startedAt\n    endedAt\n    myRole\n    participants {\n      role\n      person {\n        ...PersonFields\n      }\n    }\n    placement {\n      id\n      companyName\n      startDate\n      endDate\n      programme {\n        id\n        crebo\n        name\n      }\n      pokCheck {\n        isValid\n        problems\n        messages\n      }\n      student {\n        ...PersonFields\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment ConversationFields on Conversation {\n    id\n    status\n    mode\n    scheduledAt\n    phase\n    section\n    phaseStartedAt\n    startedAt\n    endedAt\n    myRole\n    participants {\n      role\n      person {\n        ...PersonFields\n      }\n    }\n    placement {\n      id\n      companyName\n      startDate\n      endDate\n      programme {\n        id\n        crebo\n        name\n      }\n      pokCheck {\n        isValid\n        problems\n        messages\n      }\n      student {\n        ...PersonFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AuthFields on AuthPayload {\n    accessToken\n    role\n    conversationId\n    expiresAt\n    person {\n      ...PersonFields\n    }\n  }\n"): (typeof documents)["\n  fragment AuthFields on AuthPayload {\n    accessToken\n    role\n    conversationId\n    expiresAt\n    person {\n      ...PersonFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      ...AuthFields\n    }\n  }\n"): (typeof documents)["\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      ...AuthFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation JoinWithInvite($token: String!) {\n    joinWithInvite(token: $token) {\n      ...AuthFields\n    }\n  }\n"): (typeof documents)["\n  mutation JoinWithInvite($token: String!) {\n    joinWithInvite(token: $token) {\n      ...AuthFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyConversations {\n    conversations {\n      id\n      status\n      mode\n      scheduledAt\n      myRole\n      placement {\n        id\n        companyName\n        student {\n          ...PersonFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyConversations {\n    conversations {\n      id\n      status\n      mode\n      scheduledAt\n      myRole\n      placement {\n        id\n        companyName\n        student {\n          ...PersonFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Conversation($id: ID!) {\n    conversation(id: $id) {\n      ...ConversationFields\n      previousAgreements {\n        id\n        text\n        owner\n        dueDate\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  query Conversation($id: ID!) {\n    conversation(id: $id) {\n      ...ConversationFields\n      previousAgreements {\n        id\n        text\n        owner\n        dueDate\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Guide($locale: String!) {\n    guide(locale: $locale) {\n      key\n      title\n      plannedMinutes\n      goal\n      sections {\n        key\n        title\n        goal\n        tip\n        exampleQuestions\n      }\n    }\n  }\n"): (typeof documents)["\n  query Guide($locale: String!) {\n    guide(locale: $locale) {\n      key\n      title\n      plannedMinutes\n      goal\n      sections {\n        key\n        title\n        goal\n        tip\n        exampleQuestions\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ConversationChanged($conversationId: ID!) {\n    conversationChanged(conversationId: $conversationId) {\n      conversationId\n      kinds\n      phase\n      section\n      startedAt\n      sectionStartedAt\n      status\n      version\n    }\n  }\n"): (typeof documents)["\n  subscription ConversationChanged($conversationId: ID!) {\n    conversationChanged(conversationId: $conversationId) {\n      conversationId\n      kinds\n      phase\n      section\n      startedAt\n      sectionStartedAt\n      status\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartConversation($conversationId: ID!) {\n    startConversation(conversationId: $conversationId) {\n      ...ConversationFields\n    }\n  }\n"): (typeof documents)["\n  mutation StartConversation($conversationId: ID!) {\n    startConversation(conversationId: $conversationId) {\n      ...ConversationFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdvancePhase($conversationId: ID!) {\n    advancePhase(conversationId: $conversationId) {\n      ...ConversationFields\n    }\n  }\n"): (typeof documents)["\n  mutation AdvancePhase($conversationId: ID!) {\n    advancePhase(conversationId: $conversationId) {\n      ...ConversationFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReturnToPreviousPhase($conversationId: ID!) {\n    returnToPreviousPhase(conversationId: $conversationId) {\n      ...ConversationFields\n    }\n  }\n"): (typeof documents)["\n  mutation ReturnToPreviousPhase($conversationId: ID!) {\n    returnToPreviousPhase(conversationId: $conversationId) {\n      ...ConversationFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MoveToSection($conversationId: ID!, $section: String!) {\n    moveToSection(conversationId: $conversationId, section: $section) {\n      ...ConversationFields\n    }\n  }\n"): (typeof documents)["\n  mutation MoveToSection($conversationId: ID!, $section: String!) {\n    moveToSection(conversationId: $conversationId, section: $section) {\n      ...ConversationFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PlanningInviteFields on InviteLink {\n    url\n    person {\n      id\n      name\n    }\n    invite {\n      id\n      role\n      expiresAt\n      revokedAt\n      lastUsedAt\n      lastMail {\n        kind\n        status\n        sentAt\n        lastError\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment PlanningInviteFields on InviteLink {\n    url\n    person {\n      id\n      name\n    }\n    invite {\n      id\n      role\n      expiresAt\n      revokedAt\n      lastUsedAt\n      lastMail {\n        kind\n        status\n        sentAt\n        lastError\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PlanningPlacements {\n    placements {\n      id\n      startDate\n      endDate\n      companyName\n      student {\n        id\n        name\n      }\n      pokCheck {\n        isValid\n        messages\n      }\n      frequency {\n        periodStart\n        periodEnd\n        required\n        held\n        missed\n        isOverdue\n        nextDueDate\n      }\n      conversations {\n        id\n        scheduledAt\n        status\n        mode\n        durationMinutes\n        location\n        onlineUrl\n        invites {\n          ...PlanningInviteFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PlanningPlacements {\n    placements {\n      id\n      startDate\n      endDate\n      companyName\n      student {\n        id\n        name\n      }\n      pokCheck {\n        isValid\n        messages\n      }\n      frequency {\n        periodStart\n        periodEnd\n        required\n        held\n        missed\n        isOverdue\n        nextDueDate\n      }\n      conversations {\n        id\n        scheduledAt\n        status\n        mode\n        durationMinutes\n        location\n        onlineUrl\n        invites {\n          ...PlanningInviteFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ScheduleConversation($input: ScheduleConversationInput!) {\n    scheduleConversation(input: $input) {\n      conversation {\n        id\n        scheduledAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ScheduleConversation($input: ScheduleConversationInput!) {\n    scheduleConversation(input: $input) {\n      conversation {\n        id\n        scheduledAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MoveConversation(\n    $conversationId: ID!\n    $startsAt: DateTimeISO!\n    $durationMinutes: Int!\n    $mode: ConversationMode\n    $location: String\n    $onlineUrl: String\n  ) {\n    moveConversation(\n      conversationId: $conversationId\n      startsAt: $startsAt\n      durationMinutes: $durationMinutes\n      mode: $mode\n      location: $location\n      onlineUrl: $onlineUrl\n    ) {\n      id\n      scheduledAt\n      durationMinutes\n      mode\n      location\n      onlineUrl\n    }\n  }\n"): (typeof documents)["\n  mutation MoveConversation(\n    $conversationId: ID!\n    $startsAt: DateTimeISO!\n    $durationMinutes: Int!\n    $mode: ConversationMode\n    $location: String\n    $onlineUrl: String\n  ) {\n    moveConversation(\n      conversationId: $conversationId\n      startsAt: $startsAt\n      durationMinutes: $durationMinutes\n      mode: $mode\n      location: $location\n      onlineUrl: $onlineUrl\n    ) {\n      id\n      scheduledAt\n      durationMinutes\n      mode\n      location\n      onlineUrl\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelConversation($conversationId: ID!, $reason: String) {\n    cancelConversation(conversationId: $conversationId, reason: $reason) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation CancelConversation($conversationId: ID!, $reason: String) {\n    cancelConversation(conversationId: $conversationId, reason: $reason) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResendInvite($inviteId: ID!) {\n    resendInvite(inviteId: $inviteId) {\n      ...PlanningInviteFields\n    }\n  }\n"): (typeof documents)["\n  mutation ResendInvite($inviteId: ID!) {\n    resendInvite(inviteId: $inviteId) {\n      ...PlanningInviteFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReissueInvite($inviteId: ID!) {\n    reissueInvite(inviteId: $inviteId) {\n      ...PlanningInviteFields\n    }\n  }\n"): (typeof documents)["\n  mutation ReissueInvite($inviteId: ID!) {\n    reissueInvite(inviteId: $inviteId) {\n      ...PlanningInviteFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query StaffPlacements {\n      staffDirectory {\n        id\n        companyName\n        student {\n          id\n          name\n        }\n        enrolment {\n          id\n          cohort\n        }\n        programme {\n          id\n          crebo\n          name\n        }\n        begeleider {\n          id\n          name\n        }\n        conversations {\n          id\n          scheduledAt\n          status\n        }\n      }\n    }\n  "): (typeof documents)["\n    query StaffPlacements {\n      staffDirectory {\n        id\n        companyName\n        student {\n          id\n          name\n        }\n        enrolment {\n          id\n          cohort\n        }\n        programme {\n          id\n          crebo\n          name\n        }\n        begeleider {\n          id\n          name\n        }\n        conversations {\n          id\n          scheduledAt\n          status\n        }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OverdueConversations {\n    overdueConversations {\n      studentName\n      placement {\n        id\n      }\n      frequency {\n        periodStart\n        periodEnd\n        required\n        held\n        missed\n        nextDueDate\n      }\n    }\n  }\n"): (typeof documents)["\n  query OverdueConversations {\n    overdueConversations {\n      studentName\n      placement {\n        id\n      }\n      frequency {\n        periodStart\n        periodEnd\n        required\n        held\n        missed\n        nextDueDate\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query PokIssues($withinDays: Int!) {\n      pokIssues(withinDays: $withinDays) {\n        studentName\n        placement {\n          id\n        }\n        isValid\n        problems\n        expiresSoon\n        pokEndDate\n      }\n    }\n  "): (typeof documents)["\n    query PokIssues($withinDays: Int!) {\n      pokIssues(withinDays: $withinDays) {\n        studentName\n        placement {\n          id\n        }\n        isValid\n        problems\n        expiresSoon\n        pokEndDate\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConclusionsOverTime {\n    conclusionsOverTime {\n      conversationId\n      studentId\n      studentName\n      date\n      conclusion\n      score\n      studentConclusion\n    }\n  }\n"): (typeof documents)["\n  query ConclusionsOverTime {\n    conclusionsOverTime {\n      conversationId\n      studentId\n      studentName\n      date\n      conclusion\n      score\n      studentConclusion\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConclusionDistribution($groupBy: ConclusionGrouping!) {\n    conclusionDistribution(groupBy: $groupBy) {\n      group\n      voor\n      opSchema\n      achter\n    }\n  }\n"): (typeof documents)["\n  query ConclusionDistribution($groupBy: ConclusionGrouping!) {\n    conclusionDistribution(groupBy: $groupBy) {\n      group\n      voor\n      opSchema\n      achter\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OverdueAgreements {\n    overdueAgreements {\n      studentName\n      daysOverdue\n      agreement {\n        id\n        conversationId\n        text\n        owner\n        dueDate\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  query OverdueAgreements {\n    overdueAgreements {\n      studentName\n      daysOverdue\n      agreement {\n        id\n        conversationId\n        text\n        owner\n        dueDate\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NotEnteredConversations {\n    notEnteredConversations {\n      conversationId\n      placementId\n      studentName\n      begeleiderName\n      scheduledAt\n      signedAt\n    }\n  }\n"): (typeof documents)["\n  query NotEnteredConversations {\n    notEnteredConversations {\n      conversationId\n      placementId\n      studentName\n      begeleiderName\n      scheduledAt\n      signedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment StaffParticularFields on Particular {\n    id\n    text\n    createdAt\n    handledAt\n    createdBy {\n      id\n      name\n    }\n    conversation {\n      id\n      placement {\n        id\n        student {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment StaffParticularFields on Particular {\n    id\n    text\n    createdAt\n    handledAt\n    createdBy {\n      id\n      name\n    }\n    conversation {\n      id\n      placement {\n        id\n        student {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Particulars($handled: Boolean) {\n    particulars(handled: $handled) {\n      ...StaffParticularFields\n    }\n  }\n"): (typeof documents)["\n  query Particulars($handled: Boolean) {\n    particulars(handled: $handled) {\n      ...StaffParticularFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkParticularHandled($particularId: ID!) {\n    markParticularHandled(particularId: $particularId) {\n      ...StaffParticularFields\n    }\n  }\n"): (typeof documents)["\n  mutation MarkParticularHandled($particularId: ID!) {\n    markParticularHandled(particularId: $particularId) {\n      ...StaffParticularFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportRoster($csv: String!, $dryRun: Boolean!) {\n    importRoster(csv: $csv, dryRun: $dryRun) {\n      dryRun\n      committed\n      rows\n      created\n      updated\n      unchanged\n      delimiter\n      ignoredColumns\n      errors {\n        row\n        column\n        message\n      }\n      rowResults {\n        row\n        action\n        studentNumber\n        studentName\n        startDate\n        companyName\n        changes\n      }\n      missing {\n        placementId\n        studentNumber\n        studentName\n        startDate\n        companyName\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ImportRoster($csv: String!, $dryRun: Boolean!) {\n    importRoster(csv: $csv, dryRun: $dryRun) {\n      dryRun\n      committed\n      rows\n      created\n      updated\n      unchanged\n      delimiter\n      ignoredColumns\n      errors {\n        row\n        column\n        message\n      }\n      rowResults {\n        row\n        action\n        studentNumber\n        studentName\n        startDate\n        companyName\n        changes\n      }\n      missing {\n        placementId\n        studentNumber\n        studentName\n        startDate\n        companyName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SignoffConclusionFields on Conversation {\n    id\n    status\n    conclusion\n    conclusionMotivation\n    studentConclusion\n    studentMotivation\n  }\n"): (typeof documents)["\n  fragment SignoffConclusionFields on Conversation {\n    id\n    status\n    conclusion\n    conclusionMotivation\n    studentConclusion\n    studentMotivation\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SignoffArchiveFields on Conversation {\n    id\n    studentSystemEnteredAt\n    studentSystemEnteredBy {\n      id\n      name\n    }\n    noParticularsAt\n    particulars {\n      id\n      text\n      createdAt\n      handledAt\n      createdBy {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment SignoffArchiveFields on Conversation {\n    id\n    studentSystemEnteredAt\n    studentSystemEnteredBy {\n      id\n      name\n    }\n    noParticularsAt\n    particulars {\n      id\n      text\n      createdAt\n      handledAt\n      createdBy {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Signoff($id: ID!) {\n    conversation(id: $id) {\n      ...SignoffConclusionFields\n      phase\n      endedAt\n      signedAt\n      recordHash\n      record {\n        hash\n        json\n        isLocked\n      }\n      signatures {\n        isValid\n        person {\n          id\n          name\n          role\n        }\n        signature {\n          id\n          role\n          method\n          contentHash\n          signedAt\n          voidedAt\n          voidReason\n        }\n      }\n      nextConversationProposal\n      ...SignoffArchiveFields\n    }\n  }\n"): (typeof documents)["\n  query Signoff($id: ID!) {\n    conversation(id: $id) {\n      ...SignoffConclusionFields\n      phase\n      endedAt\n      signedAt\n      recordHash\n      record {\n        hash\n        json\n        isLocked\n      }\n      signatures {\n        isValid\n        person {\n          id\n          name\n          role\n        }\n        signature {\n          id\n          role\n          method\n          contentHash\n          signedAt\n          voidedAt\n          voidReason\n        }\n      }\n      nextConversationProposal\n      ...SignoffArchiveFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetConclusion($conversationId: ID!, $conclusion: Conclusion!, $motivation: String) {\n    setConclusion(conversationId: $conversationId, conclusion: $conclusion, motivation: $motivation) {\n      ...SignoffConclusionFields\n    }\n  }\n"): (typeof documents)["\n  mutation SetConclusion($conversationId: ID!, $conclusion: Conclusion!, $motivation: String) {\n    setConclusion(conversationId: $conversationId, conclusion: $conclusion, motivation: $motivation) {\n      ...SignoffConclusionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetStudentConclusion($conversationId: ID!, $conclusion: Conclusion!, $motivation: String) {\n    setStudentConclusion(\n      conversationId: $conversationId\n      conclusion: $conclusion\n      motivation: $motivation\n    ) {\n      ...SignoffConclusionFields\n    }\n  }\n"): (typeof documents)["\n  mutation SetStudentConclusion($conversationId: ID!, $conclusion: Conclusion!, $motivation: String) {\n    setStudentConclusion(\n      conversationId: $conversationId\n      conclusion: $conclusion\n      motivation: $motivation\n    ) {\n      ...SignoffConclusionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignConversation($conversationId: ID!, $contentHash: String!) {\n    signConversation(conversationId: $conversationId, contentHash: $contentHash) {\n      id\n      status\n      recordHash\n      signedAt\n    }\n  }\n"): (typeof documents)["\n  mutation SignConversation($conversationId: ID!, $contentHash: String!) {\n    signConversation(conversationId: $conversationId, contentHash: $contentHash) {\n      id\n      status\n      recordHash\n      signedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordPaperSignatures($conversationId: ID!) {\n    recordPaperSignatures(conversationId: $conversationId) {\n      id\n      status\n      recordHash\n      signedAt\n    }\n  }\n"): (typeof documents)["\n  mutation RecordPaperSignatures($conversationId: ID!) {\n    recordPaperSignatures(conversationId: $conversationId) {\n      id\n      status\n      recordHash\n      signedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EndConversation($conversationId: ID!) {\n    endConversation(conversationId: $conversationId) {\n      id\n      status\n      phase\n      section\n      endedAt\n      nextConversationProposal\n    }\n  }\n"): (typeof documents)["\n  mutation EndConversation($conversationId: ID!) {\n    endConversation(conversationId: $conversationId) {\n      id\n      status\n      phase\n      section\n      endedAt\n      nextConversationProposal\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkEnteredInStudentSystem($conversationId: ID!) {\n    markEnteredInStudentSystem(conversationId: $conversationId) {\n      ...SignoffArchiveFields\n    }\n  }\n"): (typeof documents)["\n  mutation MarkEnteredInStudentSystem($conversationId: ID!) {\n    markEnteredInStudentSystem(conversationId: $conversationId) {\n      ...SignoffArchiveFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetNoParticulars($conversationId: ID!, $noParticulars: Boolean!) {\n    setNoParticulars(conversationId: $conversationId, noParticulars: $noParticulars) {\n      ...SignoffArchiveFields\n    }\n  }\n"): (typeof documents)["\n  mutation SetNoParticulars($conversationId: ID!, $noParticulars: Boolean!) {\n    setNoParticulars(conversationId: $conversationId, noParticulars: $noParticulars) {\n      ...SignoffArchiveFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FlagParticular($conversationId: ID!, $text: String!) {\n    flagParticular(conversationId: $conversationId, text: $text) {\n      id\n      text\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  mutation FlagParticular($conversationId: ID!, $text: String!) {\n    flagParticular(conversationId: $conversationId, text: $text) {\n      id\n      text\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VerifyRecord($conversationId: ID!) {\n    verifyRecord(conversationId: $conversationId) {\n      isLocked\n      storedHash\n      computedHash\n      isIntact\n      signaturesMatch\n    }\n  }\n"): (typeof documents)["\n  query VerifyRecord($conversationId: ID!) {\n    verifyRecord(conversationId: $conversationId) {\n      isLocked\n      storedHash\n      computedHash\n      isIntact\n      signaturesMatch\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;