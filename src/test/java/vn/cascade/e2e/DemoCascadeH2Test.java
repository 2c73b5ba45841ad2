package vn.cascade.e2e;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.cascade.CascadeIntegrationTest;
import vn.cascade.assignment.AssignmentRepository;
import vn.cascade.conclusion.ConclusionService;
import vn.cascade.demo.DemoCaseLoader;
import vn.cascade.directive.DirectiveRepository;

class DemoCascadeH2Test extends CascadeIntegrationTest {

  @Autowired DemoCaseLoader loader;
  @Autowired ConclusionService conclusions;
  @Autowired DirectiveRepository directives;
  @Autowired AssignmentRepository assignments;

  @Test
  void theWholeDemoCascadeRunsOnH2AndNothingIsLost() {
    new DemoCascadeScenario(processEngine, loader, conclusions, directives, assignments, clock).run();
  }
}
