// Tests for the native resource table (process/resource.h): lookup by reference term and
// type, release, and release of everything a process owns when it exits.
#include <gtest/gtest.h>

#include "gc/heap.h"
#include "process/resource.h"

namespace joist {
namespace {

struct Counted : Resource {
    int* alive;
    explicit Counted(int* a) : alive(a) { ++*alive; }
    ~Counted() override { --*alive; }
};
struct Other : Resource {};

TEST(Resource, FoundByItsReferenceAndType) {
    gc::Heap h;
    h.init(64);
    int alive = 0;
    Term ref = register_resource(h, 1001, std::make_shared<Counted>(&alive));
    EXPECT_TRUE(ref.is_ref());
    EXPECT_NE(find_resource_as<Counted>(ref), nullptr);
    EXPECT_EQ(find_resource_as<Other>(ref), nullptr);  // another type: not found
    EXPECT_EQ(find_resource(Term::small(3)), nullptr);
    release_resource(ref);
    EXPECT_EQ(find_resource(ref), nullptr);
    EXPECT_EQ(alive, 0);
}

TEST(Resource, OwnerExitReleasesOnlyItsOwn) {
    gc::Heap h;
    h.init(64);
    int alive = 0;
    Term a = register_resource(h, 2001, std::make_shared<Counted>(&alive));
    Term b = register_resource(h, 2001, std::make_shared<Counted>(&alive));
    Term c = register_resource(h, 2002, std::make_shared<Counted>(&alive));
    EXPECT_EQ(alive, 3);
    release_resources_of(2001);
    EXPECT_EQ(find_resource(a), nullptr);
    EXPECT_EQ(find_resource(b), nullptr);
    EXPECT_NE(find_resource(c), nullptr);
    EXPECT_EQ(alive, 1);
    // A new owner takes it along: the old owner's exit no longer frees it.
    EXPECT_TRUE(set_resource_owner(c, 2003));
    release_resources_of(2002);
    EXPECT_NE(find_resource(c), nullptr);
    release_resources_of(2003);
    EXPECT_EQ(find_resource(c), nullptr);
    EXPECT_EQ(alive, 0);
    EXPECT_FALSE(set_resource_owner(c, 2004));
}

TEST(Resource, StillUsableWhileANifHoldsIt) {
    gc::Heap h;
    h.init(64);
    int alive = 0;
    Term ref = register_resource(h, 3001, std::make_shared<Counted>(&alive));
    auto held = find_resource_as<Counted>(ref);
    release_resources_of(3001);
    EXPECT_EQ(alive, 1);  // freed when the last user lets go
    held.reset();
    EXPECT_EQ(alive, 0);
}

} // namespace
} // namespace joist
