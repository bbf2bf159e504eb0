-module(lists_mod_append_dup).
-export([main/0, id/1]).

%% lists:append/1,2, duplicate/2, concat/1, join/2 (OTP 19+).
id(X) -> X.

main() ->
    erlang:display({lists:append(?MODULE:id([1]), [2, 3]), lists:append(?MODULE:id([[a], [b, c], []]))}),
    erlang:display({lists:duplicate(?MODULE:id(3), x), lists:duplicate(?MODULE:id(0), x), lists:duplicate(2, [a])}),
    erlang:display(length(lists:duplicate(?MODULE:id(100000), z))),
    erlang:display(lists:concat(?MODULE:id([abc, "def", 12, 'G h', 3.0]))),
    erlang:display(lists:join(?MODULE:id(", "), ["a", "b", "c"])),
    erlang:display(lists:join(sep, ?MODULE:id([1]))),
    ok.
