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

// The items stay in slots; small keys (time, slot) are kept sorted latest first, so the
// earliest is the last key and a pop takes it without a search. A push moves up by one
// place the keys of the items due at or before the new one's time: a decision due in a
// day or two passes few, an attribution due in months more (docs/performance.md, fourth
// round: about 1.3 keys a push on baseline-2022 and 5.5 on baseline-2026, where the scan
// of every item in flight at each pop read 10 and 33). Every pop is the earliest (time,
// creation number) in flight, as with any priority queue on those unique keys.
class PendingQueue {
 public:
  // Adds an item, numbering it after every item pushed before; returns its number.
  std::uint64_t push(const PendingItem& item) {
    const std::uint64_t number = next_number_++;
    std::uint32_t slot;
    if (free_.empty()) {
      slot = static_cast<std::uint32_t>(items_.size());
      items_.push_back(item);
    } else {
      slot = free_.back();
      free_.pop_back();
      items_[slot] = item;
    }
    items_[slot].number = number;
    // The new item has the highest number, so it is due after every item of an equal time:
    // the keys of those and of the earlier items move up, and the keys need no number.
    // keys_[0] is a sentinel (NaN time: no comparison with it holds) that stops the walk.
    const Key key{item.time, slot};
    keys_.push_back(key);
    Key* hole = keys_.data() + (keys_.size() - 1);
    while (hole[-1].time <= key.time) {
      *hole = hole[-1];
      --hole;
    }
    *hole = key;
    return number;
  }
  bool empty() const { return keys_.size() == 1; }
  std::size_t size() const { return keys_.size() - 1; }
  // Due time of the first item, +inf if none.
  double next_time() const { return empty() ? std::numeric_limits<double>::infinity() : keys_.back().time; }
  const PendingItem& front() const { return items_[keys_.back().slot]; }
  // Removes and returns the first item (earliest time, then lowest number).
  PendingItem pop() {
    const std::uint32_t slot = keys_.back().slot;
    keys_.pop_back();
    free_.push_back(slot);
    return items_[slot];
  }
  // Drops every item (a war starts); numbering goes on.
  void clear() {
    keys_.resize(1);
    items_.clear();
    free_.clear();
  }
  // Drops every item and restarts numbering (a new trajectory). Keeps the allocation.
  void reset() {
    clear();
    next_number_ = 0;
  }

 private:
  struct Key {
    double time;
    std::uint32_t slot;
  };

  // After the sentinel, latest first: keys_.back() is the earliest; equal times in
  // creation order, the first created last.
  std::vector<Key> keys_{Key{std::numeric_limits<double>::quiet_NaN(), 0}};
  std::vector<PendingItem> items_;  // by slot
  std::vector<std::uint32_t> free_; // slots of popped items
  std::uint64_t next_number_ = 0;
};

}  // namespace escalate
