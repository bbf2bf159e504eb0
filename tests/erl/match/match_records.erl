-module(match_records).
-export([main/0, id/1]).

%% Records are tagged tuples: creation, defaults, field access, update,
%% matching in heads, record_info, is_record.
id(X) -> X.

-record(person, {name, age = 0, tags = []}).
-record(empty, {}).

describe(#person{name = N, age = A}) when A >= 18 -> {adult, N};
describe(#person{name = N}) -> {minor, N}.

main() ->
    P = #person{name = ?MODULE:id("Ann"), age = 30},
    erlang:display(P),
    erlang:display({P#person.name, P#person.age, P#person.tags, #person.age}),
    P2 = P#person{age = 12, tags = [x]},
    erlang:display({P2, describe(P), describe(P2)}),
    erlang:display({record_info(fields, person), record_info(size, person)}),
    erlang:display({is_record(P, person), is_record(?MODULE:id({person, 1}), person), is_record(?MODULE:id(x), person), is_record(P, person, 4)}),
    erlang:display({#empty{}, tuple_size(#empty{})}),
    #person{tags = Tags} = ?MODULE:id(P2),
    erlang:display(Tags),
    erlang:display(catch (?MODULE:id({notperson}))#person.name),
    ok.
