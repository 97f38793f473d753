import CCurl
import Testing

@testable import AspireMail

/// How libcurl's results become a message's fate.
@Suite struct DeliveryOutcomeTests {
  func classify(_ code: CURLcode, _ reply: Int, uploadedAll: Bool = false) -> DeliveryOutcome {
    DeliveryOutcome.classify(code: code, replyCode: reply, uploadedAll: uploadedAll, detail: "")
  }

  @Test func acceptsWhenLibcurlSucceeds() {
    #expect(classify(CURLE_OK, 250, uploadedAll: true).verdict == .accepted)
  }

  @Test func refusesForGoodOnA5xxReply() {
    let refused = classify(CURLE_SEND_ERROR, 550)
    #expect(refused.verdict == .permanent && !refused.concernsServer)
    #expect(classify(CURLE_WEIRD_SERVER_REPLY, 554, uploadedAll: true).verdict == .permanent)
  }

  @Test func defersOnA4xxReply() {
    #expect(classify(CURLE_SEND_ERROR, 450).verdict == .temporary)
    #expect(classify(CURLE_WEIRD_SERVER_REPLY, 451, uploadedAll: true).verdict == .temporary)
  }

  @Test func stopsTheRunWhenTheLoginIsRefused() {
    let denied = classify(CURLE_LOGIN_DENIED, 535)
    #expect(denied.verdict == .permanent && denied.concernsServer)
  }

  @Test func defersAndStopsWhenTheServerCannotBeReached() {
    for code in [CURLE_COULDNT_CONNECT, CURLE_COULDNT_RESOLVE_HOST, CURLE_OPERATION_TIMEDOUT] {
      let outcome = classify(code, 0)
      #expect(outcome.verdict == .temporary && outcome.concernsServer)
    }
  }

  @Test func failsForGoodAndStopsWhenTLSCannotBeVerified() {
    for code in [CURLE_PEER_FAILED_VERIFICATION, CURLE_USE_SSL_FAILED, CURLE_SSL_CONNECT_ERROR] {
      let outcome = classify(code, 0)
      #expect(outcome.verdict == .permanent && outcome.concernsServer)
    }
  }

  @Test func isUncertainWhenTheWholeMessageWentWithoutAVerdict() {
    #expect(classify(CURLE_OPERATION_TIMEDOUT, 354, uploadedAll: true).verdict == .uncertain)
    #expect(classify(CURLE_RECV_ERROR, 0, uploadedAll: true).verdict == .uncertain)
  }
}
