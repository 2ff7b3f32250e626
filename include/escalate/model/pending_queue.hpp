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

// The items in no particular order, with the index of the earliest kept up to date: a
// push compares the new item with it (one comparison), a pop moves the last item into the
// hole and scans for the next earliest. A trajectory has a few items in flight (the
// baseline: decisions due in a day or two, attributions, countermeasures), where a scan
// costs less than a heap's sifts and its unpredictable branches (docs/performance.md); a
// pop costs time in proportion to the items in flight.
class PendingQueue {
 public:
  // Adds an item, numbering it after every item pushed before; returns its number.
  std::uint64_t push(PendingItem item) {
    item.number = next_number_++;
    items_.push_back(item);
    // A later number loses ties, so only an earlier time displaces the first.
    if (items_.size() == 1 || item.time < items_[first_].time) first_ = items_.size() - 1;
    return item.number;
  }
  bool empty() const { return items_.empty(); }
  std::size_t size() const { return items_.size(); }
  // Due time of the first item, +inf if none.
  double next_time() const { return items_.empty() ? std::numeric_limits<double>::infinity() : items_[first_].time; }
  const PendingItem& front() const { return items_[first_]; }
  // Removes and returns the first item (earliest time, then lowest number).
  PendingItem pop();
  // Drops every item (a war starts); numbering goes on.
  void clear() {
    items_.clear();
    first_ = 0;
  }
  // Drops every item and restarts numbering (a new trajectory). Keeps the allocation.
  void reset() {
    clear();
    next_number_ = 0;
  }

 private:
  static bool before(const PendingItem& a, const PendingItem& b) {
    return a.time < b.time || (a.time == b.time && a.number < b.number);
  }

  std::vector<PendingItem> items_;  // in no order
  std::size_t first_ = 0;           // index of the earliest (time, number) when not empty
  std::uint64_t next_number_ = 0;
};

}  // namespace escalate
