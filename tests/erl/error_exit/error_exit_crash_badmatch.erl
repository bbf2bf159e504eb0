-module(error_exit_crash_badmatch).
-export([main/0, id/1]).

%% Uncaught badmatch deep in the call chain (frames are listed); status 1.
id(X) -> X.

level1(X) -> [level2(X)].
level2(X) -> [level3(X)].
level3(X) -> {ok, V} = ?MODULE:id(X), V.

main() ->
    erlang:display(level1({ok, fine})),
    erlang:display(level1({error, bad})).
