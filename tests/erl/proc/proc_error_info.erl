%% erlang:error/3's options: [{error_info, Map}] ends the first frame's location list, only
%% when every option is such a pair (the last one wins), as erl.
-module(proc_error_info).
-export([main/0, f/2]).

f(X, Opts) -> erlang:error(badarg, [X], Opts).

main() ->
    [erlang:display(catch f(1, O))
     || O <- [[{error_info, #{module => foo}}], [], [{error_info, #{}}],
              [{error_info, #{module => a}}, {error_info, #{module => b}}],
              [{foo, bar}, {error_info, #{module => x}}], [{error_info, 1}]]],
    erlang:display(catch erlang:error(x, none, [{error_info, #{cause => c}}])),
    erlang:display(catch erlang:error(x, [1], bad_options)),
    ok.
