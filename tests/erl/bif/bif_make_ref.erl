-module(bif_make_ref).
-export([main/0, id/1]).

%% make_ref/0 uniqueness and identity (refs are never printed).
id(X) -> X.

main() ->
    Refs = [make_ref() || _ <- lists:seq(1, 1000)],
    erlang:display({count, length(lists:usort(Refs))}),
    [R | _] = Refs,
    erlang:display({same, R =:= ?MODULE:id(R), R == hd(Refs), lists:member(R, Refs), lists:member(make_ref(), Refs)}),
    T = {R, data},
    {R, Data} = ?MODULE:id(T),
    erlang:display({matched_ref, Data}),
    erlang:display({is_reference(R), is_reference(?MODULE:id(1))}),
    ok.
