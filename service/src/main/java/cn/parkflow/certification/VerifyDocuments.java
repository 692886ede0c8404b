package cn.parkflow.certification;

import cn.parkflow.document.DocumentSubject;
import cn.parkflow.document.EvidenceDocuments;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 核验材料完整性: every document still in storage with the hash recorded at upload. */
@Component("verifyDocuments")
class VerifyDocuments implements JavaDelegate {

    private final EvidenceDocuments documents;

    VerifyDocuments(EvidenceDocuments documents) {
        this.documents = documents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        documents.verify(DocumentSubject.APPLICATION, Delegates.applicationId(execution));
    }
}
