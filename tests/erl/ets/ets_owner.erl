%% ETS ownership: access rights from other processes, owner exit, heir, give_away.
-module(ets_owner).
-export([main/0]).

t(F) -> try F() catch C:E -> {C, E} end.

show(Label, V) -> io:format("~s: ~p~n", [Label, V]).

%% Runs F in a new process and returns its result.
in_other(F) ->
    Self = self(),
    Pid = spawn(fun() -> Self ! {self(), t(F)} end),
    receive {Pid, R} -> R end.

%% A process that owns what it is given and waits for orders.
keeper(Parent) ->
    receive
        {'ETS-TRANSFER', Tab, From, Data} ->
            Parent ! {transfer, self(), Tab =:= get(expect), From =:= Parent, Data},
            keeper(Parent);
        {expect, Tab} ->
            put(expect, Tab),
            Parent ! expecting,
            keeper(Parent);
        {run, F} ->
            Parent ! {ran, t(F)},
            keeper(Parent);
        stop ->
            ok
    end.

main() ->
    access(),
    owner_exit(),
    heir(),
    give_away(),
    ok.

access() ->
    lists:foreach(
      fun(Prot) ->
              T = ets:new(t, [Prot, ordered_set]),
              ets:insert(T, {a, 1}),
              show(atom_to_list(Prot),
                   [{Op, in_other(F)} || {Op, F} <- [{lookup, fun() -> ets:lookup(T, a) end},
                                                    {insert, fun() -> ets:insert(T, {b, 2}) end},
                                                    {match, fun() -> ets:match(T, '$1') end},
                                                    {first, fun() -> ets:first(T) end},
                                                    {info, fun() -> ets:info(T, size) end},
                                                    {update_counter, fun() -> ets:update_counter(T, a, 1) end},
                                                    {delete_key, fun() -> ets:delete(T, zz) end},
                                                    {setopts, fun() -> ets:setopts(T, {heir, none}) end},
                                                    {give_away, fun() -> ets:give_away(T, self(), x) end},
                                                    {rename, fun() -> is_reference(ets:rename(T, renamed)) end},
                                                    {delete, fun() -> ets:delete(T) end}]]),
              show("owner still sees", t(fun() -> lists:sort(ets:tab2list(T)) end))
      end, [public, protected, private]).

owner_exit() ->
    Self = self(),
    Pid = spawn(fun() ->
                        T = ets:new(ets_owner_tab, [named_table, public]),
                        ets:insert(T, {x}),
                        U = ets:new(u, [public]),
                        Self ! {tabs, U},
                        receive stop -> ok end
                end),
    U = receive {tabs, Tab} -> Tab end,
    show("before exit", {ets:lookup(ets_owner_tab, x), ets:info(U, size), ets:info(U, owner) =:= Pid}),
    Ref = monitor(process, Pid),
    Pid ! stop,
    receive {'DOWN', Ref, process, Pid, _} -> ok end,
    show("after exit", {ets:info(ets_owner_tab), ets:info(U), t(fun() -> ets:lookup(U, x) end),
                        lists:member(U, ets:all())}),
    %% a crash deletes it too
    Pid2 = spawn(fun() -> ets:new(ets_owner_tab2, [named_table]), Self ! made, exit(crash) end),
    receive made -> ok end,
    Ref2 = monitor(process, Pid2),
    receive {'DOWN', Ref2, process, Pid2, R2} -> show("crashed", R2) end,
    show("after crash", ets:whereis(ets_owner_tab2)).

heir() ->
    Self = self(),
    Keeper = spawn(fun() -> keeper(Self) end),
    Owner = spawn(fun() ->
                          T = ets:new(heir_tab, [named_table, {heir, Keeper, {my, data}}]),
                          ets:insert(T, {k, v}),
                          Self ! made,
                          receive stop -> ok end
                  end),
    receive made -> ok end,
    Keeper ! {expect, heir_tab},
    receive expecting -> ok end,
    show("heir info", {ets:info(heir_tab, heir) =:= Keeper, ets:info(heir_tab, owner) =:= Owner}),
    Owner ! stop,
    receive
        {transfer, Keeper, SameTab, FromOwner, Data} ->
            show("transfer", {SameTab, FromOwner, Data})
    after 2000 -> show("transfer", timeout)
    end,
    show("new owner", {ets:info(heir_tab, owner) =:= Keeper, ets:info(heir_tab, heir) =:= Keeper,
                       ets:lookup(heir_tab, k)}),
    Keeper ! {run, fun() -> ets:insert(heir_tab, {k2, v2}) end},
    receive {ran, R} -> show("keeper writes", R) end,
    %% the heir itself exits: no heir left, the table goes
    Ref = monitor(process, Keeper),
    Keeper ! stop,
    receive {'DOWN', Ref, process, Keeper, _} -> ok end,
    show("heir gone", ets:info(heir_tab)),
    %% a dead heir: the table is deleted
    DeadHeir = spawn(fun() -> ok end),
    Ref3 = monitor(process, DeadHeir),
    receive {'DOWN', Ref3, process, DeadHeir, _} -> ok end,
    O2 = spawn(fun() -> ets:new(heir_tab2, [named_table, {heir, DeadHeir, x}]), Self ! made,
                        receive stop -> ok end end),
    receive made -> ok end,
    Ref4 = monitor(process, O2),
    O2 ! stop,
    receive {'DOWN', Ref4, process, O2, _} -> ok end,
    show("dead heir", ets:info(heir_tab2)),
    T4 = ets:new(heir_tab4, [{heir, DeadHeir, x}]),
    show("dead heir info", ets:info(T4, heir)),
    %% setopts changes the heir
    K2 = spawn(fun() -> keeper(Self) end),
    T3 = ets:new(heir_tab3, [named_table, {heir, K2, first}]),
    K2 ! {expect, heir_tab3},
    receive expecting -> ok end,
    ets:setopts(T3, {heir, none}),
    show("heir none", ets:info(T3, heir)),
    ets:setopts(T3, [{heir, K2, second}]),
    show("heir again", ets:info(T3, heir) =:= K2),
    K2 ! stop.

give_away() ->
    Self = self(),
    K = spawn(fun() -> keeper(Self) end),
    T = ets:new(g, [private]),
    ets:insert(T, {a, 1}),
    K ! {expect, T},
    receive expecting -> ok end,
    show("give_away", ets:give_away(T, K, {gift, 1})),
    receive
        {transfer, K, SameTab, FromMe, Data} -> show("gift", {SameTab, FromMe, Data})
    after 2000 -> show("gift", timeout)
    end,
    show("owner now", ets:info(T, owner) =:= K),
    show("private now", t(fun() -> ets:lookup(T, a) end)),
    show("give again", t(fun() -> ets:give_away(T, self(), x) end)),
    K ! {run, fun() -> ets:lookup(T, a) end},
    receive {ran, R} -> show("keeper reads", R) end,
    Dead = spawn(fun() -> ok end),
    Ref = monitor(process, Dead),
    receive {'DOWN', Ref, process, Dead, _} -> ok end,
    T2 = ets:new(g2, []),
    show("to dead", t(fun() -> ets:give_away(T2, Dead, x) end)),
    show("to self", t(fun() -> ets:give_away(T2, self(), x) end)),
    K ! stop.
