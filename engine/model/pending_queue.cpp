#include "escalate/model/pending_queue.hpp"

namespace escalate {

PendingItem PendingQueue::pop() {
  const PendingItem item = items_[first_];
  items_[first_] = items_.back();
  items_.pop_back();
  std::size_t first = 0;
  for (std::size_t i = 1; i < items_.size(); ++i) first = before(items_[i], items_[first]) ? i : first;
  first_ = first;
  return item;
}

}  // namespace escalate
