-module(fun_external).
-export([main/0, id/1, here/1]).

%% External funs (fun M:F/A), including with variable M/F/A, and calling
%% into OTP modules.
id(X) -> X.
here(X) -> {here, X}.

main() ->
    F1 = fun lists:reverse/1,
    F2 = fun erlang:length/1,
    F3 = fun ?MODULE:here/1,
    erlang:display({F1([1, 2, 3]), F2([a, b]), F3(x)}),
    M = ?MODULE:id(lists), F = ?MODULE:id(seq), A = ?MODULE:id(2),
    Dyn = fun M:F/A,
    erlang:display({Dyn(1, 5), is_function(Dyn, 2), is_function(Dyn, 3)}),
    erlang:display(lists:map(fun erlang:atom_to_list/1, [a, b, c])),
    erlang:display(lists:map(fun ?MODULE:here/1, [1, 2])),
    erlang:display({eq, fun lists:reverse/1 =:= F1, fun lists:reverse/1 =:= fun lists:reverse/2}),
    erlang:display({undef, try (fun ?MODULE:nope/0)() catch C:R -> {C, R} end}),
    ok.
