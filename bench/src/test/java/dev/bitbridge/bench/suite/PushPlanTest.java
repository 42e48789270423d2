package dev.bitbridge.bench.suite;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PushPlanTest {

    @Test
    void namesRepositoriesAndBranches() {
        PushPlan plan = PushPlan.of(3, 4);

        assertEquals(List.of("client", "server", "tools"), plan.repositories());
        assertEquals(List.of("main", "develop", "feature/GAME-1", "feature/GAME-2"), plan.branches());
        assertEquals("repo-10", PushPlan.of(10, 1).repositories().get(9));
    }

    @Test
    void consecutivePushesGoToDifferentRepositoriesAndEveryBranchMovesInTurn() {
        PushPlan plan = PushPlan.of(3, 2);

        assertEquals(new PushPlan.Target("client", "main", "GAME-1: change 1 #ci"), plan.target(0));
        assertEquals(new PushPlan.Target("server", "main", "GAME-2: change 2 #ci"), plan.target(1));
        assertEquals(new PushPlan.Target("tools", "main", "GAME-3: change 3 #ci"), plan.target(2));
        assertEquals(new PushPlan.Target("client", "develop", "GAME-4: change 4 #ci"), plan.target(3));
        assertEquals(new PushPlan.Target("client", "main", "GAME-7: change 7 #ci"), plan.target(6));
        Set<String> places = new HashSet<>();
        for (int i = 0; i < 6; i++) {
            places.add(plan.target(i).repository() + ":" + plan.target(i).branch());
        }
        assertEquals(6, places.size(), "every (repository, branch) once per round");
    }

    @Test
    void needsARepositoryAndABranch() {
        assertThrows(IllegalArgumentException.class, () -> new PushPlan(List.of(), List.of("main")));
    }
}
