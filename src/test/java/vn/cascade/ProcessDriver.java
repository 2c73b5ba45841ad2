package vn.cascade;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;

/** Drives processes in tests the way people and the job executor would. */
public final class ProcessDriver {

  private final ProcessEngine engine;

  public ProcessDriver(ProcessEngine engine) {
    this.engine = engine;
  }

  /** Runs every job that is not a timer, until none is left. */
  public void executeAsyncJobs() {
    for (int round = 0; round < 1000; round++) {
      List<Job> jobs = engine.getManagementService().createJobQuery().messages().executable().list();
      if (jobs.isEmpty()) {
        return;
      }
      for (Job job : jobs) {
        engine.getManagementService().executeJob(job.getId());
      }
    }
    throw new AssertionError("Async jobs keep appearing");
  }

  /** Completes a task as a member of the given agency would: claim, then submit the form. */
  public void completeAs(String user, Task task, Map<String, Object> variables) {
    // The agency's user acts with its groups: the engine checks its authorizations.
    java.util.List<String> groups = new java.util.ArrayList<>(engine.getIdentityService().createGroupQuery()
        .groupMember(user).list().stream().map(org.camunda.bpm.engine.identity.Group::getId).toList());
    if (!groups.contains(user)) {
      groups.add(user); // agency code = its group, also where no demo user exists (postgres profile)
    }
    engine.getIdentityService().setAuthentication(user, groups);
    try {
      engine.getTaskService().claim(task.getId(), user);
      engine.getTaskService().complete(task.getId(), variables);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  /**
   * The agency submits its report and the reviewer (the collecting agency, {@code so-khdt} unless
   * the directive names another) accepts it; async jobs then run.
   */
  public void reportAndAccept(String agency, String processInstanceId, Map<String, Object> report) {
    completeAs(agency, taskOf(processInstanceId, "Task_ReportResults"), report);
    Task review = taskOf(processInstanceId, "Task_ReviewReport");
    completeAs(candidateGroupOf(engine, review), review,
        Map.of("reviewDecision", "accept", "reviewComment", ""));
    executeAsyncJobs();
  }

  /** The agency a task was given to: its candidate group. */
  public static String candidateGroupOf(ProcessEngine engine, Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .map(org.camunda.bpm.engine.task.IdentityLink::getGroupId).filter(java.util.Objects::nonNull).findFirst()
        .orElseThrow();
  }

  /**
   * Stores a summary document for the directive whose process this is, as the workspace page stores
   * the collector's upload (the collection task completes only once one exists); answers its version.
   */
  public int uploadSummaryDocument(String directiveProcessInstanceId, String user) {
    return storeDocument("cascade_directive", "directive_id", directiveProcessInstanceId, user, "Báo cáo tổng hợp.pdf");
  }

  /**
   * Stores a report back document for the Conclusion whose process this is, as its page stores Văn
   * phòng UBND's upload (Chuẩn bị báo cáo completes only once one exists); answers its version.
   */
  public int uploadReportBackDocument(String conclusionProcessInstanceId, String user) {
    return storeDocument("cascade_conclusion", "conclusion_id", conclusionProcessInstanceId, user,
        "Báo cáo Ban Thường vụ Tỉnh ủy.pdf");
  }

  private int storeDocument(String table, String column, String processInstanceId, String user, String fileName) {
    javax.sql.DataSource ds = ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl)
        engine.getProcessEngineConfiguration()).getDataSource();
    try (java.sql.Connection c = ds.getConnection()) {
      long subject;
      int version;
      try (var q = c.prepareStatement("select id from " + table + " where process_instance_id = ?")) {
        q.setString(1, processInstanceId);
        var rs = q.executeQuery();
        rs.next();
        subject = rs.getLong(1);
      }
      try (var q = c.prepareStatement(
          "select coalesce(max(version), 0) + 1 from cascade_summary_document where " + column + " = ?")) {
        q.setLong(1, subject);
        var rs = q.executeQuery();
        rs.next();
        version = rs.getInt(1);
      }
      try (var ins = c.prepareStatement("insert into cascade_summary_document (" + column + ", version, file_name,"
          + " content_type, size_bytes, content, uploaded_by, uploaded_at) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
        byte[] pdf = "%PDF-1.4 báo cáo tổng hợp".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ins.setLong(1, subject);
        ins.setInt(2, version);
        ins.setString(3, fileName);
        ins.setString(4, "application/pdf");
        ins.setLong(5, pdf.length);
        ins.setBytes(6, pdf);
        ins.setString(7, user);
        ins.setTimestamp(8, new java.sql.Timestamp(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().getTime()));
        ins.executeUpdate();
      }
      if (!c.getAutoCommit()) {
        c.commit();
      }
      return version;
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  public Task taskOf(String processInstanceId, String taskKey) {
    return engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey(taskKey).singleResult();
  }
}
