package dev.covenant.project;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One line of a project's license history: from this date on, the project was licensed under this expression. */
@Entity
@Table(name = "project_license")
@IdClass(ProjectLicense.Key.class)
public class ProjectLicense extends PanacheEntityBase {

    @Id
    @Column(name = "project_id")
    public Long projectId;

    @Id
    @Column(name = "effective_from")
    public LocalDate effectiveFrom;

    @Column(nullable = false)
    public String spdx;

    public static List<ProjectLicense> findFor(Project project) {
        return list("projectId = ?1 order by effectiveFrom", project.id);
    }

    public static LicenseHistory historyOf(Project project) {
        return new LicenseHistory(findFor(project).stream()
                .map(l -> new LicenseHistory.Entry(l.effectiveFrom, l.spdx)).toList());
    }

    public static class Key implements Serializable {
        public Long projectId;
        public LocalDate effectiveFrom;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(projectId, k.projectId)
                    && Objects.equals(effectiveFrom, k.effectiveFrom);
        }

        @Override
        public int hashCode() {
            return Objects.hash(projectId, effectiveFrom);
        }
    }
}
