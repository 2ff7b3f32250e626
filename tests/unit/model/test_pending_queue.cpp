#include "escalate/model/pending_queue.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

using namespace escalate;

namespace {
PendingItem at(double time, int side) {
  PendingItem item;
  item.time = time;
  item.side = side;
  return item;
}
}  // namespace

TEST_CASE("pending items come due by time, then creation order (docs/model.md 3)", "[pending_queue]") {
  PendingQueue q;
  CHECK(q.empty());
  CHECK(q.next_time() == std::numeric_limits<double>::infinity());
  q.push(at(5.0, 1));
  q.push(at(2.0, 2));
  q.push(at(5.0, 3));
  q.push(at(2.0, 4));
  q.push(at(1.0, 5));
  CHECK(q.size() == 5);
  CHECK(q.next_time() == 1.0);
  const int expected[] = {5, 2, 4, 1, 3};
  for (int side : expected) CHECK(q.pop().side == side);
  CHECK(q.empty());
}

TEST_CASE("an item with delay 0 joins the end of the queue at its instant", "[pending_queue]") {
  PendingQueue q;
  q.push(at(3.0, 1));
  q.push(at(3.0, 2));
  PendingItem first = q.pop();
  CHECK(first.side == 1);
  q.push(at(3.0, 3));  // created while handling item 1 at t = 3
  CHECK(q.pop().side == 2);
  CHECK(q.pop().side == 3);
}

TEST_CASE("clear keeps numbering, reset restarts it", "[pending_queue]") {
  PendingQueue q;
  CHECK(q.push(at(1.0, 0)) == 0);
  CHECK(q.push(at(1.0, 0)) == 1);
  q.clear();
  CHECK(q.empty());
  CHECK(q.push(at(1.0, 0)) == 2);
  q.reset();
  CHECK(q.push(at(1.0, 0)) == 0);
}

TEST_CASE("interleaved pushes and pops come out as a sorted reference would give them", "[pending_queue]") {
  // The queue keeps its items in no order; whatever the interleaving, every pop is the
  // earliest (time, creation number) of the items in flight, as in a sorted list.
  PendingQueue q;
  std::vector<std::pair<double, int>> reference;  // (time, creation order), kept sorted
  std::uint64_t state = 12345;
  auto next = [&] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return state >> 33;
  };
  int created = 0;
  for (int step = 0; step < 20000; ++step) {
    if (reference.empty() || next() % 3 != 0) {
      const double time = static_cast<double>(next() % 16);  // few distinct times: many ties
      q.push(at(time, created));
      reference.insert(std::upper_bound(reference.begin(), reference.end(), std::make_pair(time, created)),
                       {time, created});
      ++created;
    } else {
      CHECK(q.next_time() == reference.front().first);
      CHECK(q.front().side == reference.front().second);
      CHECK(q.pop().side == reference.front().second);
      reference.erase(reference.begin());
    }
    CHECK(q.size() == reference.size());
    if (step % 5000 == 4999) {  // a war: everything in flight is dropped
      q.clear();
      reference.clear();
    }
  }
}
