-module(fun_creator).
-export([main/0, id/1, make/1]).

%% fun_info(F, pid) is the process that created the fun (not the caller); it survives garbage
%% collection and the external format, and plays no part in comparing funs.
id(X) -> X.

make(Parent) -> Parent ! {self(), fun(X) -> {X, Parent} end}.

main() ->
    Me = self(),
    Pids = [spawn(?MODULE, make, [Me]) || _ <- lists:seq(1, 5)],
    Funs = [receive {P, F} -> F end || P <- Pids],
    erlang:display([erlang:fun_info(F, pid) =:= {pid, P} || {P, F} <- lists:zip(Pids, Funs)]),
    Mine = fun() -> ?MODULE:id(ok) end,
    erlang:display(erlang:fun_info(Mine, pid) =:= {pid, Me}),
    [F1, F2 | _] = Funs,
    erlang:display({F1 =:= F2, F1 == F2, F1 < F2, F2 < F1, erlang:phash2(F1) =:= erlang:phash2(F2)}),
    Back = binary_to_term(term_to_binary(F1)),
    erlang:display({Back =:= F1, erlang:fun_info(Back, pid) =:= {pid, hd(Pids)}, Back(7) =:= {7, Me}}),
    erlang:garbage_collect(),
    erlang:display({[erlang:fun_info(F, pid) =:= {pid, P} || {P, F} <- lists:zip(Pids, Funs)], F2(x) =:= {x, Me}}),
    erlang:display(lists:usort(Funs ++ Funs) =:= [hd(Funs)]),
    erlang:display(erlang:fun_info(fun lists:map/2, pid)),
    ok.
