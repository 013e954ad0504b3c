/** The commented example history that `jss init` writes. It must itself validate (a test checks). */
export const EXAMPLE_HISTORY = `# yaml-language-server: $schema=./contracts.schema.json
# A contract history for jss. Editors with a YAML language server (VS Code's YAML extension,
# for one) check this file as you type once the schema named above sits beside it:
#   jss schema contracts > contracts.schema.json
# Replace the example contracts below with yours (one entry per Upwork contract), then run:
#   jss validate contracts.yaml     every problem in the file, with line and column
#   jss estimate contracts.yaml     your projected Job Success Score, and why
# Dates are YYYY-MM-DD; money is USD.

version: 1                  # optional; 1 is the only version
# asOf: 2026-11-26          # optional: the history's date, no fact in it later; default: today (UTC)
                            # (--as-of an earlier day shows the history as it stood then)
freelancer: Your Name       # optional label

contracts:                  # required; every contract, in any order ([] is valid)

  # An ended fixed-price job with feedback: the usual case.
  - id: "41000001"          # required, unique; the Upwork contract number is a good choice
    client: Acme Corp       # required; the same name means the same client
    title: Landing page     # optional, for your own reading
    type: fixed             # required: hourly | fixed
    status: ended           # required: active | paused | ended
    start: 2025-03-03       # required; not after the history's date
    end: 2025-03-21         # required when ended, forbidden otherwise; start <= end
    earnings: 800           # gross USD paid so far; default 0
    endedBy: client         # optional, ended contracts only: client | freelancer | upwork
    endReason: completed    # optional, ended contracts only: a reason code (list at the end)
    feedback:               # omit when unknown; "none" when it ended without feedback
      public: 5             # 1..5 stars, decimals allowed (4.75)
      private: 10           # 0..10 "how likely to recommend"; you never see it, so it is
                            # usually left out (unknown) or a guess; none: there is none

  # An hourly contract with every payment listed (Reports > Transactions shows them).
  - id: "41000002"
    client: Globex
    title: Data pipeline maintenance
    type: hourly
    status: ended
    start: 2025-05-05
    end: 2025-09-26
    earnings: 3200
    payments:               # optional: amounts > 0 that sum to earnings, dates within start..end
      - { date: 2025-05-16, amount: 600 }
      - { date: 2025-06-20, amount: 800 }
      - { date: 2025-08-01, amount: 900 }
      - { date: 2025-09-26, amount: 900 }
    endedBy: freelancer
    endReason: completed
    feedback: { public: 4.8 }

  # An ended contract with a partial refund and no feedback.
  - id: "41000003"
    client: Initech
    type: fixed
    status: ended
    start: 2025-10-01
    end: 2025-11-10
    earnings: 400
    refunded: 150           # refunded to the client; default 0, at most earnings
    firstPayment: 2025-10-20  # instead of a payments list: the first and the last payment day
    lastPayment: 2025-11-10   # (left out, they are guessed from start and end, with a warning)
    endedBy: client
    endReason: no-longer-needed
    feedback: none          # ended, and the client left no feedback
    dispute: settled        # none | won | lost | settled; default none
    notes: Scope changed halfway; refunded part of the milestone.   # optional free text

  # An open hourly contract, still running (no end, no endedBy, no endReason).
  - id: "41000004"
    client: Acme Corp
    type: hourly
    status: active
    start: 2026-09-01
    earnings: 1500
    firstPayment: 2026-09-11
    lastPayment: 2026-11-13   # on or before the history's date

  # A paused contract, nothing paid yet, whose client Upwork suspended.
  - id: 41000005            # a number works too; it is kept as text
    client: Hooli
    type: fixed
    status: paused
    start: 2026-10-05
    clientSuspended: true   # Upwork suspended the client for a terms violation; default false

# The JSS Upwork showed you, on the day you saw it (optional). Write it down each time you look:
# jss estimate then compares the model with it, and jss infer works out what hidden ratings it
# allows. Dates are unique and not after the history's date.
# observed:
#   - { date: 2026-10-15, jss: 92 }      # a whole number 0..100
#   - { date: 2026-11-14, jss: 88, note: after the Initech contract closed }   # note: optional
#   - { date: 2026-11-20, jss: null }    # null: no score was shown that day

# Reason codes for endReason, with the words Upwork shows:
#   completed                 Job was completed successfully
#   no-longer-needed          No longer need this work completed
#   hired-different           Hired a different freelancer
#   unresponsive              Freelancer not responsive
#   misrepresented-skills     Freelancer misrepresented their skills
#   unprofessional            Freelancer was unprofessional
#   quality                   Work quality or missed deadlines
#   client-unresponsive       (your reason) Client not responsive
#   completed-unsuccessfully  (your reason) Job was completed unsuccessfully
#   dormant                   Closed by Upwork after inactivity
#   other                     Anything else
# endedBy and endReason are independent: a client may end a contract as completed, and so may you.
#
# Checks jss makes beyond the types: unique ids; end exactly when ended; endedBy/endReason only
# when ended; start <= end <= the history's date; payments within the contract's dates and summing
# to earnings; refunded <= earnings; payments or firstPayment/lastPayment, not both; no payment
# fields when earnings are 0.
`;
