package vn.cascade.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import vn.cascade.CascadeIntegrationTest;

/** The deployed models hold together: forms resolve, delegates exist, ids mean something. */
class ModelTest extends CascadeIntegrationTest {

  private static final Pattern GENERATED_ID =
      Pattern.compile("^[A-Za-z]+_[0-9a-z]{7}$|^[A-Za-z]+_?[0-9]+$|^(Activity|Event|Gateway|Flow|Task|sid)[-_][0-9a-f-]+$");
  private static final Pattern BEAN_EXPRESSION = Pattern.compile("^\\$\\{([A-Za-z][A-Za-z0-9]*)\\}$");
  private static final List<String> PROCESS_KEYS = List.of("party-conclusion", "directive", "agency-assignment", "morning-digest");

  @Autowired ApplicationContext context;

  private List<BpmnModelInstance> models() {
    List<BpmnModelInstance> models = new ArrayList<>();
    for (String key : PROCESS_KEYS) {
      ProcessDefinition def = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key)
          .latestVersion().singleResult();
      assertThat(def).as("process %s is deployed", key).isNotNull();
      assertThat(def.getResourceName()).endsWith(key + ".bpmn");
      assertThat(def.getHistoryTimeToLive()).as("history time to live of %s", key).isNotNull().isPositive();
      models.add(repositoryService.getBpmnModelInstance(def.getId()));
    }
    return models;
  }

  private Set<String> deployedFormIds() throws IOException {
    Set<String> ids = new HashSet<>();
    ObjectMapper json = new ObjectMapper();
    for (Deployment deployment : repositoryService.createDeploymentQuery().list()) {
      for (String resource : repositoryService.getDeploymentResourceNames(deployment.getId())) {
        if (resource.endsWith(".form")) {
          try (InputStream in = repositoryService.getResourceAsStream(deployment.getId(), resource)) {
            JsonNode form = json.readTree(in);
            ids.add(form.get("id").asText());
          }
        }
      }
    }
    return ids;
  }

  @Test
  void everyFormRefResolvesToADeployedForm() throws IOException {
    Set<String> forms = deployedFormIds();
    int userTasks = 0;
    for (BpmnModelInstance model : models()) {
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        userTasks++;
        assertThat(task.getCamundaFormRef()).as("formRef of %s", task.getId()).isNotBlank();
        assertThat(task.getCamundaFormRefBinding()).as("formRefBinding of %s", task.getId()).isEqualTo("deployment");
        assertThat(forms).as("form %s of %s", task.getCamundaFormRef(), task.getId()).contains(task.getCamundaFormRef());
        // What a person sends is checked before anything else runs on completion.
        var completeListeners = task.getExtensionElements().getElementsQuery()
            .filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener.class).list().stream()
            .filter(l -> "complete".equals(l.getCamundaEvent())).toList();
        assertThat(completeListeners).as("complete listeners of %s", task.getId()).isNotEmpty();
        assertThat(completeListeners.get(0).getCamundaDelegateExpression()).as("first complete listener of %s",
            task.getId()).isEqualTo("${submissionGuard}");
      }
    }
    // Report, review, extension decision, transfer decision, contribution; receipt, draft, approval,
    // report back, its approval; collection, summary approval. No standing extension task.
    assertThat(userTasks).isEqualTo(12);
  }

  @Test
  void everyDelegateExpressionNamesABean() {
    int checked = 0;
    for (BpmnModelInstance model : models()) {
      for (String expression : delegateExpressions(model.getModelElementsByType(BaseElement.class))) {
        Matcher m = BEAN_EXPRESSION.matcher(expression);
        assertThat(m.matches()).as("delegate expression %s names a bean", expression).isTrue();
        assertThat(context.containsBean(m.group(1))).as("bean %s exists", m.group(1)).isTrue();
        checked++;
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo(12);
  }

  /** Tasklist's diagram tab shows names as written: "${directiveNumber}" would be read by a civil servant. */
  @Test
  void noElementNameIsAnExpression() {
    int named = 0;
    for (BpmnModelInstance model : models()) {
      for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
        if (element.getName() != null) {
          named++;
          assertThat(element.getName()).as(element.getId()).doesNotContain("${", "#{");
        }
      }
    }
    assertThat(named).isGreaterThan(20);
  }

  @Test
  void noElementHasAGeneratedId() {
    for (BpmnModelInstance model : models()) {
      for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
        assertThat(element.getId()).as("id of %s", element.getName()).doesNotMatch(GENERATED_ID);
      }
      for (Process process : model.getModelElementsByType(Process.class)) {
        assertThat(PROCESS_KEYS).contains(process.getId());
        assertThat(process.isExecutable()).isTrue();
      }
    }
  }

  @Test
  void modelsAndFormsAreDeployedOnceAndUnchangedResourcesAreNotRedeployed() {
    List<Deployment> deployments = repositoryService.createDeploymentQuery().list();
    assertThat(deployments).hasSize(1);
    assertThat(repositoryService.getDeploymentResourceNames(deployments.get(0).getId()))
        .anyMatch(n -> n.endsWith("agency-report.form")).anyMatch(n -> n.endsWith("directive.bpmn"));
  }

  private static Collection<String> delegateExpressions(Collection<BaseElement> elements) {
    List<String> found = new ArrayList<>();
    for (BaseElement e : elements) {
      String own = e.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "delegateExpression");
      if (own != null) {
        found.add(own);
      }
      if (e.getExtensionElements() != null) {
        for (ModelElementInstance ext : e.getExtensionElements().getElements()) {
          String listener = ext.getAttributeValue("delegateExpression");
          if (listener != null) {
            found.add(listener);
          }
        }
      }
    }
    return found;
  }
}
