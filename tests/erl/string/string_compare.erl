-module(string_compare).
-export([main/0, id/1]).

%% Strings compare lexicographically as lists; prefixes sort first.
id(X) -> X.

main() ->
    L = [?MODULE:id(S) || S <- ["banana", "apple", "Apple", "app", "", "b", "apples", "a", "Zed", "zed", "10", "9", "ä"]],
    erlang:display(lists:sort(L)),
    erlang:display({?MODULE:id("abc") < "abd", ?MODULE:id("abc") < "abcd", ?MODULE:id("") < "a", ?MODULE:id("Z") < "a", ?MODULE:id("abc") == [97, 98, 99]}),
    erlang:display({lists:max(L), lists:min(L)}),
    erlang:display({prefix, lists:prefix(?MODULE:id("app"), "apple"), lists:prefix(?MODULE:id("apple"), "app"), lists:suffix(?MODULE:id("le"), "apple")}),
    ok.
