package vn.cascade.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cascade.CascadeIntegrationTest;
import vn.cascade.common.TransactionCache;

/** {@link TransactionCache} as the assignment table uses it: read once per transaction, forgotten on a write. */
class TransactionCacheTest extends CascadeIntegrationTest {

  @Autowired AssignmentRepository assignments;
  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactions;

  @Test
  void aRowIsReadOnceInATransactionAndReadAgainAfterAWriteToItsTable() {
    long id = anyAssignment();
    new TransactionTemplate(transactions).executeWithoutResult(tx -> {
      Assignment first = assignments.find(id).orElseThrow();
      assertThat(assignments.find(id).orElseThrow()).isSameAs(first);

      // A write that does not go through the repository is not seen: the row was read already.
      jdbc.sql("update cascade_assignment set deadline = :d where id = :id")
          .param("d", first.deadline().plusDays(1)).param("id", id).update();
      assertThat(assignments.find(id).orElseThrow().deadline()).isEqualTo(first.deadline());

      // A write through the repository forgets the table's rows: the next read sees the database.
      LocalDate moved = first.deadline().plusDays(7);
      assignments.changeDeadline(id, moved);
      assertThat(assignments.find(id).orElseThrow().deadline()).isEqualTo(moved);

      // Read by process instance, the row is kept under its id too.
      assignments.setProcessInstance(id, "cache-test-instance");
      Assignment byInstance = assignments.ofProcessInstance("cache-test-instance").orElseThrow();
      assertThat(byInstance.id()).isEqualTo(id);
      assertThat(assignments.find(id).orElseThrow()).isSameAs(byInstance);

      // A transaction inside this one has a cache of its own: it reads the committed row, without the
      // process instance this one has not committed.
      TransactionTemplate inner = new TransactionTemplate(transactions);
      inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
      Assignment seenInside = inner.execute(s -> assignments.find(id).orElseThrow());
      assertThat(seenInside).isNotSameAs(byInstance);
      assertThat(seenInside.processInstanceId()).isNotEqualTo("cache-test-instance");
      tx.setRollbackOnly();
    });
    // Nothing is kept outside a transaction, and nothing of the rolled-back one.
    Assignment after = assignments.find(id).orElseThrow();
    assertThat(assignments.find(id).orElseThrow()).isNotSameAs(after);
    assertThat(after.processInstanceId()).isNotEqualTo("cache-test-instance");
  }

  private long anyAssignment() {
    return jdbc.sql("select min(id) from cascade_assignment").query(Long.class).single();
  }
}
