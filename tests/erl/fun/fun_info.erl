-module(fun_info).
-export([main/0, id/1, ext/2]).

%% erlang:fun_info/2 for arity/module/name/type (values that are stable),
%% and erlang:fun_info/2 on external funs.
id(X) -> X.
ext(A, B) -> {A, B}.

main() ->
    F0 = fun() -> ok end,
    F3 = fun(_, _, _) -> ok end,
    Y = ?MODULE:id(1),
    FC = fun(X) -> X + Y end,
    erlang:display([erlang:fun_info(F, arity) || F <- [F0, F3, FC, fun ?MODULE:ext/2, fun lists:seq/3]]),
    erlang:display([erlang:fun_info(F, module) || F <- [F0, fun lists:seq/3]]),
    erlang:display([erlang:fun_info(F, type) || F <- [F0, fun lists:seq/3, fun ?MODULE:ext/2]]),
    erlang:display({name, erlang:fun_info(fun lists:seq/3, name), erlang:fun_info(fun ?MODULE:ext/2, name)}),
    erlang:display({env_len, length(element(2, erlang:fun_info(FC, env))), erlang:fun_info(fun lists:seq/3, env)}),
    erlang:display({bad, try erlang:fun_info(?MODULE:id(notafun), arity) catch C:R -> {C, R} end}),
    ok.
