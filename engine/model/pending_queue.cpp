#include "escalate/model/pending_queue.hpp"

#include <algorithm>

namespace escalate {

namespace {
// std::push_heap builds a max-heap; "later" as the order puts the earliest item on top.
bool later(const PendingItem& a, const PendingItem& b) {
  return a.time != b.time ? a.time > b.time : a.number > b.number;
}
}  // namespace

std::uint64_t PendingQueue::push(PendingItem item) {
  item.number = next_number_++;
  heap_.push_back(item);
  std::push_heap(heap_.begin(), heap_.end(), later);
  return item.number;
}

PendingItem PendingQueue::pop() {
  std::pop_heap(heap_.begin(), heap_.end(), later);
  PendingItem item = heap_.back();
  heap_.pop_back();
  return item;
}

}  // namespace escalate
