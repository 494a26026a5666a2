/** The programme's werkprocessen marked per placement: "kan ik hier uitvoeren / nog niet / kan hier niet". */

import { graphql } from "../../graphql/generated";

/** The guide's section where the werkprocessen are talked about (Kern). */
export const WERKPROCESSEN_SECTION_KEY = "studievoortgang";

/** The three states, in the order the list offers them. */
export const WERKPROCES_STATES = ["kan_hier", "nog_niet", "kan_hier_niet"] as const;

/** The werkprocessen of the conversation's placement with their states. */
export const PLACEMENT_WERKPROCESSEN = graphql(`
  query PlacementWerkprocessen($id: ID!) {
    conversation(id: $id) {
      id
      status
      myRole
      placement {
        id
        werkprocessen {
          state
          updatedAt
          werkproces {
            id
            code
            title
          }
        }
      }
    }
  }
`);

/** Marks one werkproces for the conversation's placement (null clears it). */
export const MARK_WERKPROCES = graphql(`
  mutation MarkWerkproces($conversationId: ID!, $werkprocesId: ID!, $state: WerkprocesState) {
    markWerkproces(conversationId: $conversationId, werkprocesId: $werkprocesId, state: $state) {
      id
    }
  }
`);
