-module(exception_huge_line).
-export([main/0, id/1]).

%% A line number too large for erl's location table (24 bits) is dropped: the frame has no
%% location, while the other frames keep theirs.
id(X) -> X.

main() ->
    erlang:display(catch_huge(?MODULE:id(x))),
    erlang:display(catch_edge(?MODULE:id(x))),
    erlang:display(catch_normal(?MODULE:id(x))),
    erlang:display(catch_fits(?MODULE:id(x))),
    ok.

catch_huge(X) -> try huge(X) catch error:E:S -> {E, hd(S)} end.
catch_edge(X) -> try edge(X) catch error:E:S -> {E, hd(S)} end.
catch_normal(X) -> try normal(X) catch error:E:S -> {E, hd(S)} end.
catch_fits(X) -> try fits(X) catch error:E:S -> {E, hd(S)} end.

normal(X) -> erlang:error({normal, X}).
-file("huge.erl", 100000000).
huge(X) ->
    erlang:error({huge, X}).
-file("edge.erl", 16777213).
edge(X) ->
    erlang:error({edge, X}).
-file("fits.erl", 16777212).
fits(X) ->
    erlang:error({fits, X}).
