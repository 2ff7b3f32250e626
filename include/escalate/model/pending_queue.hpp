#pragma once
// Pending items (docs/model.md §2, §3): attributions, decisions, countermeasures and strikes
// on their way, due in order of (time, creation number). An item created at t with
// delay 0 therefore joins the end of the queue at t (first in, first out).
#include <cstdint>
#include <limits>
#include <vector>

namespace escalate {

enum class PendingKind : std::uint8_t { Attribution, Decision, Countermeasure, Strike };

struct PendingItem {
  double time = 0;            // due time (days)
  std::uint64_t number = 0;   // creation number, assigned by push()
  PendingKind kind = PendingKind::Decision;
  int side = 0;               // attribution: the victim; decision: who decides;
                              // countermeasure / strike: who receives it
  int cause = -1;             // decision: the cause index of the act decided on
  int reading = -1;           // attribution, decision on an incident: its incident-reading slot
  double logit_q = 0;         // decision on a countermeasure or strike: the ladder's logit of the
                              //   act's reading, clamped to [eps, 1 - eps] (§5.5)
  double severity = 0;        // decision: ln of the act's severity (§9.1); strike: its severity
  double uniform = 0;         // decision: the ladder uniform U (§9.1), drawn at creation
};

class PendingQueue {
 public:
  // Adds an item, numbering it after every item pushed before; returns its number.
  std::uint64_t push(PendingItem item);
  bool empty() const { return heap_.empty(); }
  std::size_t size() const { return heap_.size(); }
  // Due time of the first item, +inf if none.
  double next_time() const { return heap_.empty() ? std::numeric_limits<double>::infinity() : heap_.front().time; }
  const PendingItem& front() const { return items_[heap_.front().slot]; }
  // Removes and returns the first item (earliest time, then lowest number).
  PendingItem pop();
  // Drops every item (a war starts); numbering goes on.
  void clear() {
    heap_.clear();
    items_.clear();
    free_.clear();
  }
  // Drops every item and restarts numbering (a new trajectory). Keeps the allocation.
  void reset() {
    clear();
    next_number_ = 0;
  }

 private:
  // A binary min-heap of small keys on (time, number); the items stay in their slots.
  struct Key {
    double time;
    std::uint64_t number;
    std::uint32_t slot;
  };
  static bool before(const Key& a, const Key& b) { return a.time != b.time ? a.time < b.time : a.number < b.number; }

  std::vector<Key> heap_;
  std::vector<PendingItem> items_;
  std::vector<std::uint32_t> free_;
  std::uint64_t next_number_ = 0;
};

}  // namespace escalate
