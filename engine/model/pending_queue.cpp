#include "escalate/model/pending_queue.hpp"

namespace escalate {

std::uint64_t PendingQueue::push(PendingItem item) {
  item.number = next_number_++;
  std::uint32_t slot;
  if (free_.empty()) {
    slot = static_cast<std::uint32_t>(items_.size());
    items_.push_back(item);
  } else {
    slot = free_.back();
    free_.pop_back();
    items_[slot] = item;
  }
  // Sift up: move the hole toward the root while the parent comes after the new key.
  const Key key{item.time, item.number, slot};
  std::size_t hole = heap_.size();
  heap_.push_back(key);
  while (hole > 0) {
    const std::size_t parent = (hole - 1) / 2;
    if (!before(key, heap_[parent])) break;
    heap_[hole] = heap_[parent];
    hole = parent;
  }
  heap_[hole] = key;
  return item.number;
}

PendingItem PendingQueue::pop() {
  const std::uint32_t slot = heap_.front().slot;
  const PendingItem item = items_[slot];
  free_.push_back(slot);
  // Sift the last key down from the root.
  const Key last = heap_.back();
  heap_.pop_back();
  const std::size_t n = heap_.size();
  if (n > 0) {
    std::size_t hole = 0;
    for (;;) {
      std::size_t child = 2 * hole + 1;
      if (child >= n) break;
      if (child + 1 < n && before(heap_[child + 1], heap_[child])) ++child;
      if (!before(heap_[child], last)) break;
      heap_[hole] = heap_[child];
      hole = child;
    }
    heap_[hole] = last;
  }
  return item;
}

}  // namespace escalate
